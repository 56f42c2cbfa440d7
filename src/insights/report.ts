import type { Engine } from '../engine/engine.js';
import { NONE } from '../engine/types.js';
import type { StoredQuestion } from '../store/types.js';

export interface Gap {
  /** The question that stands for the group (the most recent). */
  readonly question: string;
  readonly count: number;
  readonly examples: readonly string[];
  /** Why these need an advisor: the bot fell back, or people said the answer did not help. */
  readonly reasons: readonly ('unanswered' | 'unhelpful')[];
  /** The intent the bot finds closest: where to add the question as an utterance. */
  readonly closest: { readonly intent: string; readonly label: string; readonly confidence: number } | null;
}

export interface Report {
  readonly from: string;
  readonly to: string;
  readonly questions: number;
  readonly answered: number;
  readonly fellBack: number;
  readonly withheld: number;
  /** Answered share of the questions that could be answered (withheld ones left out). */
  readonly answerRate: number | null;
  readonly helpful: number;
  readonly unhelpful: number;
  readonly helpfulRate: number | null;
  readonly perDay: readonly { readonly date: string; readonly questions: number; readonly answered: number }[];
  readonly topIntents: readonly { readonly intent: string; readonly label: string; readonly count: number }[];
  readonly gaps: readonly Gap[];
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

/** Overlap coefficient: shared words over the shorter question's words (1 when one holds the other). */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? (a.size === b.size ? 1 : 0) : shared / smaller;
}

/**
 * What advisors need to see over the stored questions: volume per day, answer and helpful rates,
 * the top intents, and the questions the bot could not answer or did not help with, grouped by
 * similarity, each with the intent closest to it.
 */
export function buildReport(rows: readonly StoredQuestion[], engine: Engine, options: { now: number; days: number; top?: number }): Report {
  const top = options.top ?? 10;
  const from = options.now - options.days * 86_400_000;
  const kept = rows.filter((r) => r.at >= from && r.at <= options.now).sort((a, b) => a.at - b.at);
  const topicOf = (id: string) => engine.topics().find((t) => t.intent === id || id.startsWith(`${t.intent}.`));
  const label = (id: string): string => topicOf(id)?.label ?? id;
  const isAnswered = (r: StoredQuestion) => r.outcome === 'answer' || r.outcome === 'clarify';

  const perDay = new Map<string, { questions: number; answered: number }>();
  for (let t = from; t <= options.now; t += 86_400_000) perDay.set(day(t), { questions: 0, answered: 0 });
  const intents = new Map<string, number>();
  for (const r of kept) {
    const d = perDay.get(day(r.at)) ?? { questions: 0, answered: 0 };
    d.questions++;
    if (isAnswered(r)) d.answered++;
    perDay.set(day(r.at), d);
    if (isAnswered(r) && r.intent !== NONE) {
      const family = topicOf(r.intent)?.intent ?? r.intent;
      intents.set(family, (intents.get(family) ?? 0) + 1);
    }
  }

  const gaps = groupGaps(kept, engine, top, label);

  const answered = kept.filter(isAnswered).length;
  const withheld = kept.filter((r) => r.outcome === 'privacy').length;
  const helpful = kept.filter((r) => r.helpful === true).length;
  const unhelpful = kept.filter((r) => r.helpful === false).length;
  return {
    from: day(from),
    to: day(options.now),
    questions: kept.length,
    answered,
    fellBack: kept.filter((r) => r.outcome === 'fallback').length,
    withheld,
    answerRate: ratio(answered, kept.length - withheld),
    helpful,
    unhelpful,
    helpfulRate: ratio(helpful, helpful + unhelpful),
    perDay: [...perDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, v]) => ({ date, ...v })),
    topIntents: [...intents.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top).map(([intent, count]) => ({ intent, label: label(intent), count })),
    gaps,
  };
}

/**
 * The questions that fell back or were marked not helpful, grouped by similarity (shared words),
 * largest group first, each with its most recent wording, up to three examples and the intent the
 * bot finds closest (where to add it as an utterance).
 */
export function groupGaps(rows: readonly StoredQuestion[], engine: Engine, top: number, label: (intent: string) => string): Gap[] {
  const groups: { terms: Set<string>; rows: StoredQuestion[]; reasons: Set<'unanswered' | 'unhelpful'> }[] = [];
  for (const r of rows) {
    const unanswered = r.outcome === 'fallback';
    const unhelpful = r.helpful === false;
    if (!unanswered && !unhelpful) continue;
    const terms = new Set(engine.terms(r.question));
    const group = groups.find((g) => overlap(g.terms, terms) >= 0.6);
    const target = group ?? { terms, rows: [], reasons: new Set() };
    if (!group) groups.push(target);
    target.rows.push(r);
    if (unanswered) target.reasons.add('unanswered');
    if (unhelpful) target.reasons.add('unhelpful');
  }
  return groups
    .sort((a, b) => b.rows.length - a.rows.length || b.rows.at(-1)!.at - a.rows.at(-1)!.at)
    .slice(0, top)
    .map((g) => {
      const question = g.rows.at(-1)!.question;
      const near = engine.decide(question).alternatives.find((a) => a.intent !== NONE);
      return {
        question,
        count: g.rows.length,
        examples: [...new Set(g.rows.map((r) => r.question))].slice(0, 3),
        reasons: [...g.reasons].sort(),
        closest: near ? { intent: near.intent, label: label(near.intent), confidence: near.confidence } : null,
      };
    });

}
