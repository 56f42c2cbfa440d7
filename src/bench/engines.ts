import Fuse from 'fuse.js';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { createEngine } from '../engine/engine.js';
import { NONE, type KnowledgeBase } from '../engine/types.js';
import type { Nlp } from '@nlpjs/basic';
import type { Prediction, TrainingSet } from './fairness.js';

/** One engine in the benchmark, trained on the same examples and asked the same way as every other. */
export interface BenchEngine {
  readonly name: string;
  readonly note: string;
  /** Loads the engine's package, timed apart from training. */
  load(): Promise<void>;
  /** Builds the index or trains the model. */
  train(): Promise<void>;
  /** The engine's own answer, with its own fallback if it has one (the benchmark's threshold comes on top). */
  predict(text: string): Promise<Prediction> | Prediction;
  /** The best intent that is not the fallback: untuned top-1. */
  top(text: string): Promise<Prediction> | Prediction;
}

const NOTHING: Prediction = Object.freeze({ intent: NONE, confidence: 0 });

/** faqbot's engine exactly as the channels build it. */
export function faqbotEngine(kb: KnowledgeBase): BenchEngine {
  let engine: ReturnType<typeof createEngine> | undefined;
  return {
    name: 'faqbot',
    note: 'this project: TF-IDF nearest example + centroid + fitted softmax, typo correction, fallback evidence',
    async load() {},
    async train() {
      engine = createEngine(kb);
    },
    predict(text) {
      const d = engine!.decide(text);
      return { intent: d.intent, confidence: d.confidence };
    },
    top(text) {
      const d = engine!.decide(text);
      if (d.intent !== NONE) return { intent: d.intent, confidence: d.confidence };
      return d.alternatives.find((a) => a.intent !== NONE) ?? NOTHING;
    },
  };
}

/** nlp.js (@nlpjs/basic): its neural NLU with its spell check on; it answers `None` by its own rule. */
export function nlpjsEngine(set: TrainingSet): BenchEngine {
  let basic: typeof import('@nlpjs/basic').default;
  let nlp: Nlp;
  const classify = async (text: string): Promise<{ intent: string; score: number; classifications?: { intent: string; score: number }[] }> =>
    (await nlp.process('en', text)) as never;
  return {
    name: 'nlpjs',
    note: '@nlpjs/basic, spell check on',
    async load() {
      basic = (await import('@nlpjs/basic')).default;
    },
    async train() {
      const container = await basic.containerBootstrap();
      container.use(basic.Nlp);
      container.use(basic.LangEn);
      container.registerConfiguration(
        'nlu-??',
        { keepStopwords: true, nonefeatureValue: 1, nonedeltaMultiplier: 1.2, spellCheck: true, spellCheckDistance: 1, filterZeros: true, log: false },
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
    async predict(text) {
      const r = await classify(text);
      return { intent: r.intent === 'None' ? NONE : r.intent, confidence: r.score };
    },
    async top(text) {
      const r = await classify(text);
      const best = (r.classifications ?? []).find((c) => c.intent !== 'None');
      return best ? { intent: best.intent, confidence: best.score } : NOTHING;
    },
  };
}

/** fuse.js over every example; the best hit's intent, confidence 1 - its score. */
export function fuseEngine(set: TrainingSet): BenchEngine {
  let fuse: Fuse<{ text: string; intent: string }> | undefined;
  const hits = (text: string, limit: number) => fuse!.search(text.slice(0, 200), { limit });
  const asPrediction = (hit: { item: { intent: string }; score?: number } | undefined): Prediction =>
    hit ? { intent: hit.item.intent, confidence: 1 - (hit.score ?? 1) } : NOTHING;
  return {
    name: 'fuse-only',
    note: 'fuse.js over the examples (threshold 0.6, location ignored)',
    async load() {},
    async train() {
      const docs = [...set.intents.flatMap((i) => i.utterances.map((text) => ({ text, intent: i.id }))), ...set.negatives.map((text) => ({ text, intent: NONE }))];
      fuse = new Fuse(docs, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
    },
    predict: (text) => asPrediction(hits(text, 1)[0]),
    top: (text) => asPrediction(hits(text, 50).find((h) => h.item.intent !== NONE)),
  };
}

/** natural's BayesClassifier; confidence is the best class's share of the class scores. */
export function bayesEngine(set: TrainingSet): BenchEngine {
  const classifier = new BayesClassifier();
  const ranked = (text: string): Prediction[] => {
    const classes = classifier.getClassifications(text);
    const total = classes.reduce((s, c) => s + c.value, 0);
    return total === 0 ? [] : classes.map((c) => ({ intent: c.label, confidence: c.value / total }));
  };
  return {
    name: 'bayes',
    note: 'natural BayesClassifier over the examples',
    async load() {},
    async train() {
      for (const intent of set.intents) for (const u of intent.utterances) classifier.addDocument(u, intent.id);
      for (const u of set.negatives) classifier.addDocument(u, NONE);
      classifier.train();
    },
    predict: (text) => ranked(text)[0] ?? NOTHING,
    top: (text) => ranked(text).find((p) => p.intent !== NONE) ?? NOTHING,
  };
}
