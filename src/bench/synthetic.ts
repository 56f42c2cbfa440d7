import type { KnowledgeBase, Intent } from '../engine/types.js';
import { seeded } from './typos.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'te', 'san', 'vo', 'pel', 'dri', 'nox', 'ba', 'qui', 'zen', 'fo', 'gar', 'hul', 'jes', 'wim', 'yor', 'cet'];
const FRAMES = [
  'how do i {a} the {b}',
  'what is the {a} {b} for',
  'can you explain {a} and {c}',
  'where can i find {b} {c}',
  'tell me about {a} {b}',
  'is {c} needed for {a}',
  'why does {b} need {c}',
  'what about the {a} of {c}',
];

function word(rand: () => number): string {
  let w = '';
  const n = 2 + Math.floor(rand() * 2);
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/**
 * A deterministic synthetic knowledge base: `count` intents of `perIntent` utterances, each intent
 * with its own topic words over a shared vocabulary, plus one held-out question per intent.
 */
export function syntheticKnowledgeBase(count: number, perIntent = 20, seed = 7): { kb: KnowledgeBase; questions: string[] } {
  const rand = seeded(seed);
  const vocabulary = Array.from({ length: Math.max(200, count * 2) }, () => word(rand));
  const intents: Intent[] = [];
  const questions: string[] = [];
  for (let i = 0; i < count; i++) {
    const topic = [word(rand) + i.toString(36), vocabulary[Math.floor(rand() * vocabulary.length)]!, vocabulary[Math.floor(rand() * vocabulary.length)]!];
    const make = (): string => {
      const frame = FRAMES[Math.floor(rand() * FRAMES.length)]!;
      const pick = (): string => topic[Math.floor(rand() * topic.length)]!;
      return frame.replace('{a}', topic[0]!).replace('{b}', pick()).replace('{c}', vocabulary[Math.floor(rand() * vocabulary.length)]!);
    };
    const utterances = [...new Set(Array.from({ length: perIntent }, make))];
    intents.push({ id: `intent${i}`, label: `Intent ${i}`, utterances, keywords: [], answer: `answer ${i}`, followUps: [], variants: [], smallTalk: false, clearsContext: false, overview: false });
    questions.push(make());
  }
  return {
    kb: {
      knowledge: { career: { id: 'synthetic', title: 'synthetic', soc: [], titles: [] }, careers: [], sources: {}, facts: {}, collections: {} },
      occupations: { titles: [], shortForms: [] },
      intents,
      negatives: [],
      lexicon: { synonyms: {}, fillers: [], keep: [], context: { continues: [], excludes: [], compares: [], refers: [] } },
      commands: [],
      guides: [],
      notices: { privacy: 'privacy', rateLimited: 'slow down', otherCareer: 'only {careers}' },
    },
    questions,
  };
}
