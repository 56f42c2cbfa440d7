import { NONE, type KnowledgeBase } from './types.js';

/** One labelled text the engine learns from. */
export interface TrainingExample {
  readonly label: string;
  readonly text: string;
}

/**
 * Every text the engine learns from, with its label: each intent's utterances, keywords and label,
 * each variant's keywords as one example of its intent (so they count as known words), and the
 * fallback examples under `none`. One list, so a benchmark can hand its peers exactly the same.
 */
export function trainingExamples(kb: KnowledgeBase): TrainingExample[] {
  return [
    ...kb.intents.flatMap((intent) =>
      [...intent.utterances, ...intent.keywords, intent.label, ...intent.variants.map((v) => v.keywords.join(' '))].map((text) => ({ label: intent.id, text })),
    ),
    ...kb.negatives.map((text) => ({ label: NONE, text })),
  ];
}
