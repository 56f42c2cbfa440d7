import Fuse from 'fuse.js';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { createEngine } from '../engine/engine.js';
import { NONE, type KnowledgeBase } from '../engine/types.js';
import type { Nlp } from '@nlpjs/basic';

/** What a peer is trained on: the same utterances faqbot indexes, and the fallback examples. */
export interface TrainingSet {
  readonly intents: readonly { readonly id: string; readonly utterances: readonly string[] }[];
  readonly negatives: readonly string[];
}

export interface Prediction {
  readonly intent: string;
  readonly confidence: number;
}

/** One engine in the benchmark, trained and asked the same way as every other. */
export interface BenchEngine {
  readonly name: string;
  readonly note: string;
  /** Builds the index or trains the model. */
  train(): Promise<void>;
  classify(text: string): Promise<Prediction> | Prediction;
}

/** The training set of a knowledge base: every intent's utterances and keywords, and its negatives. */
export function trainingSetOf(kb: KnowledgeBase): TrainingSet {
  return { intents: kb.intents.map((i) => ({ id: i.id, utterances: [...i.utterances, ...i.keywords] })), negatives: kb.negatives };
}

/** faqbot's engine exactly as the channels build it. */
export function faqbotEngine(kb: KnowledgeBase): BenchEngine {
  let engine: ReturnType<typeof createEngine> | undefined;
  return {
    name: 'faqbot',
    note: 'this project: TF-IDF nearest utterance + centroid + fitted softmax, typo correction, fallback evidence',
    async train() {
      engine = createEngine(kb);
    },
    classify: (text) => {
      const d = engine!.decide(text);
      return { intent: d.intent, confidence: d.confidence };
    },
  };
}

/** nlp.js (@nlpjs/basic): its neural NLU; below its threshold (default 0.5) it answers `None`. */
export function nlpjsEngine(set: TrainingSet, threshold?: number): BenchEngine & { setThreshold(t: number): void; raw(text: string): Promise<Prediction> } {
  let nlp: Nlp;
  let cut = threshold ?? 0.5;
  const raw = async (text: string): Promise<Prediction> => {
    const r = await nlp.process('en', text);
    return { intent: r.intent === 'None' ? NONE : r.intent, confidence: r.score };
  };
  return {
    name: threshold === undefined ? 'nlpjs' : 'nlpjs-tuned',
    note: threshold === undefined ? '@nlpjs/basic, None threshold at its default (0.5)' : '@nlpjs/basic, None threshold tuned on the eval file (an upper bound)',
    async train() {
      const { default: basic } = await import('@nlpjs/basic');
      const container = await basic.containerBootstrap();
      container.use(basic.Nlp);
      container.use(basic.LangEn);
      container.registerConfiguration(
        'nlu-??',
        { keepStopwords: true, nonefeatureValue: 1, nonedeltaMultiplier: 1.2, spellCheck: false, spellCheckDistance: 1, filterZeros: true, log: false },
        true,
      );
      nlp = container.get('nlp');
      nlp.settings.autoSave = false;
      nlp.settings.autoLoad = false;
      nlp.addLanguage('en');
      for (const intent of set.intents) for (const u of intent.utterances) nlp.addDocument('en', u, intent.id);
      for (const u of set.negatives) nlp.addDocument('en', u, 'None');
      await nlp.train();
    },
    async classify(text) {
      const p = await raw(text);
      return p.confidence < cut ? { intent: NONE, confidence: p.confidence } : p;
    },
    setThreshold(t: number) {
      cut = t;
    },
    raw,
  };
}

/** fuse.js over every utterance; the best hit's intent when its score is good enough. */
export function fuseEngine(set: TrainingSet, maxScore = 0.4): BenchEngine {
  let fuse: Fuse<{ text: string; intent: string }> | undefined;
  return {
    name: 'fuse-only',
    note: `fuse.js over the utterances, fallback above score ${maxScore}`,
    async train() {
      const docs = [...set.intents.flatMap((i) => i.utterances.map((text) => ({ text, intent: i.id }))), ...set.negatives.map((text) => ({ text, intent: NONE }))];
      fuse = new Fuse(docs, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
    },
    classify(text) {
      const [hit] = fuse!.search(text.slice(0, 200), { limit: 1 });
      if (!hit || (hit.score ?? 1) > maxScore) return { intent: NONE, confidence: 1 - (hit?.score ?? 1) };
      return { intent: hit.item.intent, confidence: 1 - (hit.score ?? 1) };
    },
  };
}

/** natural's BayesClassifier, with a threshold on its normalised class probabilities. */
export function bayesEngine(set: TrainingSet, minProbability = 0.5): BenchEngine {
  const classifier = new BayesClassifier();
  return {
    name: 'bayes',
    note: `natural BayesClassifier, fallback below probability ${minProbability}`,
    async train() {
      for (const intent of set.intents) for (const u of intent.utterances) classifier.addDocument(u, intent.id);
      for (const u of set.negatives) classifier.addDocument(u, NONE);
      classifier.train();
    },
    classify(text) {
      const classes = classifier.getClassifications(text);
      const total = classes.reduce((s, c) => s + c.value, 0);
      const best = classes[0];
      if (!best || total === 0) return { intent: NONE, confidence: 0 };
      const p = best.value / total;
      return p < minProbability ? { intent: NONE, confidence: p } : { intent: best.label, confidence: p };
    },
  };
}
