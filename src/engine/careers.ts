import type { Career, ConversationContext, Intent, Knowledge, KnowledgeBase } from './types.js';

/** The careers a knowledge base covers: its list, or its one career when it lists none (a corpus). */
export function careersOf(knowledge: Pick<Knowledge, 'career' | 'careers'>): readonly Career[] {
  return knowledge.careers.length > 0 ? knowledge.careers : [knowledge.career];
}

/**
 * Which career each intent answers for, when the knowledge base covers several: an intent belongs
 * to the career whose facts its answers use (small talk, which uses none, belongs to all). The same
 * topic in two careers is the same id under each career's prefix (`salary`,
 * `pharmacy-technician.salary`), so a topic can be asked of another career.
 */
export class Careers {
  readonly all: readonly Career[];
  private readonly byIntent = new Map<string, string>();
  /** Per career, its intents by their id without the career's prefix. */
  private readonly byTopic = new Map<string, Map<string, string>>();

  constructor(kb: KnowledgeBase) {
    this.all = careersOf(kb.knowledge);
    const collectionCareer = (id: string) => kb.knowledge.facts[kb.knowledge.collections[id]?.items[0] ?? '']?.career;
    for (const intent of kb.intents) {
      const career = careerOfAnswers(intent, (ref) => kb.knowledge.facts[ref]?.career ?? collectionCareer(ref));
      if (!career) continue;
      for (const id of [intent.id, ...intent.variants.map((v) => v.id)]) {
        this.byIntent.set(id, career);
        const topic = id.startsWith(`${career}.`) ? id.slice(career.length + 1) : id;
        const map = this.byTopic.get(career) ?? new Map<string, string>();
        map.set(topic, id);
        this.byTopic.set(career, map);
      }
    }
  }

  /** Whether the knowledge base covers more than one career (otherwise nothing here changes a decision). */
  get many(): boolean {
    return this.all.length > 1;
  }

  /** The career an intent or variant answers for; undefined for small talk. */
  of(intentId: string): string | undefined {
    return this.byIntent.get(intentId);
  }

  title(careerId: string): string {
    return this.all.find((c) => c.id === careerId)?.title ?? careerId;
  }

  /** A conversation's context moved to another career: its topic there, or none when that career lacks it. */
  forCareer(context: ConversationContext, careerId: string): ConversationContext | undefined {
    const intent = this.equivalent(context.intent, careerId);
    return intent ? { intent, named: [] } : undefined;
  }

  /** The same topic in another career (`salary.entry` -> `pharmacy-technician.salary.entry`), if it has it. */
  equivalent(intentId: string, careerId: string): string | undefined {
    const from = this.of(intentId);
    if (!from) return undefined;
    const topic = intentId.startsWith(`${from}.`) ? intentId.slice(from.length + 1) : intentId;
    return this.byTopic.get(careerId)?.get(topic) ?? this.byTopic.get(careerId)?.get(topic.split('.').slice(0, -1).join('.'));
  }
}

/** The first career whose facts an intent's answers reference. */
function careerOfAnswers(intent: Intent, careerOfRef: (ref: string) => string | undefined): string | undefined {
  for (const answer of [intent.answer, ...intent.variants.map((v) => v.answer)]) {
    for (const m of answer.matchAll(/\{\{\s*(?:list|numbered|table)?\s*([\w.-]+)/g)) {
      const ref = m[1]!;
      for (let parts = ref.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
        const career = careerOfRef(parts.join('.'));
        if (career) return career;
      }
    }
  }
  return undefined;
}
