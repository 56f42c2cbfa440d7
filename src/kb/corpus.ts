import { NONE, type Intent, type KnowledgeBase } from '../engine/types.js';

/** A labelled training corpus: `{"name", "intents": {"<intent>": ["utterance", …]}}`; `none` holds questions that must fall back. */
export interface TrainingCorpus {
  readonly name?: string;
  readonly intents: Readonly<Record<string, readonly string[]>>;
}

/** Checks a parsed training file's shape, naming the file and what is wrong. */
export function parseCorpus(value: unknown, file: string): TrainingCorpus {
  const v = value as { intents?: unknown };
  if (!v || typeof v !== 'object' || !v.intents || typeof v.intents !== 'object') {
    throw new Error(`${file}: a training corpus is {"name": "...", "intents": {"<intent>": ["utterance", ...]}}`);
  }
  for (const [intent, utterances] of Object.entries(v.intents as Record<string, unknown>)) {
    if (!Array.isArray(utterances) || !utterances.every((u) => typeof u === 'string')) {
      throw new Error(`${file}: intents.${intent} must be a list of utterances (strings)`);
    }
  }
  return value as TrainingCorpus;
}

/**
 * A knowledge base built from a training corpus alone: each intent answers with its own name, and
 * the `none` examples are negatives. The matcher and its settings are the product's; no synonyms.
 */
export function knowledgeBaseFromCorpus(corpus: TrainingCorpus): KnowledgeBase {
  const intents: Intent[] = Object.entries(corpus.intents)
    .filter(([name]) => name !== NONE)
    .map(([name, utterances]) => ({
      id: name,
      label: name,
      utterances,
      keywords: [],
      answer: name.replace(/\{\{/g, '{ {'),
      followUps: [],
      variants: [],
      smallTalk: false,
      clearsContext: false,
      overview: false,
    }));
  return {
    knowledge: { career: { id: corpus.name ?? 'corpus', title: corpus.name ?? 'corpus', soc: [], titles: [] }, careers: [], sources: {}, facts: {}, collections: {} },
    occupations: { titles: [], shortForms: [] },
    intents,
    negatives: corpus.intents[NONE] ?? [],
    lexicon: { synonyms: {}, fillers: [], keep: [], context: { continues: [], excludes: [], compares: [], refers: [] } },
    commands: [],
    guides: [],
    notices: { privacy: 'Please do not share personal information.', rateLimited: 'Please slow down.', otherCareer: 'I can only answer about {careers}.' },
  };
}
