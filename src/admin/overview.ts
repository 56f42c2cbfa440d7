import type { Engine } from '../engine/engine.js';
import type { Fact } from '../engine/types.js';
import { groupGaps, type Gap } from '../insights/report.js';
import type { QuestionCounts, Store, StoredQuestion } from '../store/types.js';
import { staleFacts } from '../kb/validate.js';

export const PERIODS = [7, 30, 90] as const;
export const CHANNELS = ['all', 'slack', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Questions of one day by what happened to them. */
export interface DayOutcomes {
  readonly date: string;
  readonly answered: number;
  readonly clarified: number;
  readonly fellBack: number;
  readonly privacy: number;
}

/** Everything the dashboard's overview shows for a period and channel. */
export interface Overview {
  readonly days: number;
  readonly channel: Channel;
  readonly from: string;
  readonly to: string;
  readonly questions: number;
  readonly perDay: readonly DayOutcomes[];
  readonly answerRate: number | null;
  readonly helpfulRate: number | null;
  /** The same rates over the period before, for the change. */
  readonly previous: { readonly answerRate: number | null; readonly helpfulRate: number | null };
  readonly topIntents: readonly { readonly intent: string; readonly label: string; readonly count: number }[];
  /** Unanswered and unhelpful questions grouped by similarity, largest first (up to twenty: the page leaves out those already handled). */
  readonly gaps: readonly (Gap & { readonly key: string; readonly alternatives: readonly { readonly intent: string; readonly label: string }[] })[];
  readonly health: {
    readonly stale: readonly Fact[];
    readonly fewestUtterances: readonly { readonly intent: string; readonly label: string; readonly count: number }[];
    readonly neverAsked: readonly { readonly intent: string; readonly label: string }[];
  };
}

const DAY = 86_400_000;

/** The key a group is remembered by once handled: its stand-in question, normalised. */
export const gapKey = (question: string): string => question.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);

/** What the store counts for the overview: the period, the period before, and the period's gap questions. */
export interface OverviewData {
  readonly current: QuestionCounts;
  readonly previous: QuestionCounts;
  readonly gapQuestions: readonly StoredQuestion[];
}

/** How many of a period's latest unanswered and unhelpful questions are grouped (the work stays bounded). */
export const GAP_QUESTIONS = 2000;

function rates(c: QuestionCounts): { answerRate: number | null; helpfulRate: number | null; questions: number } {
  let questions = 0;
  let answered = 0;
  let withheld = 0;
  for (const d of c.perDay) {
    questions += d.n;
    if (d.outcome === 'answer' || d.outcome === 'clarify') answered += d.n;
    if (d.outcome === 'privacy') withheld += d.n;
  }
  const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
  return { questions, answerRate: ratio(answered, questions - withheld), helpfulRate: ratio(c.helpful, c.helpful + c.unhelpful) };
}

/**
 * The overview of a period, from the store's counts: questions per day by outcome, answer and
 * helpful rates against the period before, top intents, the gaps (the latest unanswered and
 * unhelpful questions grouped, with their closest intents), and the knowledge base's health (stale
 * facts, intents with the fewest examples, intents nobody's question was answered with).
 */
export function buildOverview(
  data: OverviewData,
  engine: Engine,
  options: { readonly now: number; readonly days: number; readonly channel: Channel; readonly maxAgeDays: number },
): Overview {
  const { now, days, channel } = options;
  const from = now - days * DAY;
  const dayName = (d: number): string => new Date(d * DAY).toISOString().slice(0, 10);
  const perDay = new Map<number, { answered: number; clarified: number; fellBack: number; privacy: number }>();
  for (let d = Math.floor(from / DAY); d <= Math.floor(now / DAY); d++) perDay.set(d, { answered: 0, clarified: 0, fellBack: 0, privacy: 0 });
  for (const { day, outcome, n } of data.current.perDay) {
    const d = perDay.get(day);
    if (!d) continue;
    if (outcome === 'answer') d.answered += n;
    else if (outcome === 'clarify') d.clarified += n;
    else if (outcome === 'privacy') d.privacy += n;
    else d.fellBack += n;
  }
  const topics = engine.topics();
  const topicOf = (id: string) => topics.find((t) => t.intent === id || id.startsWith(`${t.intent}.`));
  const label = (id: string): string => topicOf(id)?.label ?? id;
  const families = new Map<string, number>();
  for (const { intent, n } of data.current.perIntent) {
    if (intent === 'none') continue;
    const family = topicOf(intent)?.intent ?? intent;
    families.set(family, (families.get(family) ?? 0) + n);
  }
  const now_ = rates(data.current);
  const before = rates(data.previous);
  const answerable = engine.kb.intents.filter((i) => !i.smallTalk);
  // Twenty groups, so that ten remain to show once those already handled are left out.
  const gaps = groupGaps(data.gapQuestions, engine, 20, label)
    .map((g) => {
      const decided = engine.decide(g.question);
      const alternatives = decided.alternatives
        .filter((a) => a.intent !== 'none' && engine.has(a.intent) && !engine.kb.intents.find((i) => i.id === a.intent)?.smallTalk)
        .slice(0, 3)
        .map((a) => ({ intent: a.intent, label: label(a.intent) }));
      return { ...g, key: gapKey(g.question), alternatives };
    });
  return {
    days,
    channel,
    from: dayName(Math.floor(from / DAY)),
    to: dayName(Math.floor(now / DAY)),
    questions: now_.questions,
    perDay: [...perDay].map(([d, v]) => ({ date: dayName(d), ...v })),
    answerRate: now_.answerRate,
    helpfulRate: now_.helpfulRate,
    previous: { answerRate: before.answerRate, helpfulRate: before.helpfulRate },
    topIntents: [...families].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([intent, count]) => ({ intent, label: label(intent), count })),
    gaps,
    health: {
      stale: staleFacts(engine.kb.knowledge, options.maxAgeDays, new Date(now)),
      fewestUtterances: [...answerable].sort((a, b) => a.utterances.length - b.utterances.length || (a.id < b.id ? -1 : 1)).slice(0, 5).map((i) => ({ intent: i.id, label: i.label, count: i.utterances.length })),
      neverAsked: answerable.filter((i) => ![...families.keys()].some((a) => a === i.id || a.startsWith(`${i.id}.`))).map((i) => ({ intent: i.id, label: i.label })),
    },
  };
}

/** Reads what the overview needs from the store: two periods' counts and the period's latest gap questions. */
export async function readOverviewData(store: Store, now: number, days: number, channel: Channel): Promise<OverviewData> {
  const ch = channel === 'all' ? undefined : channel;
  const from = now - days * DAY;
  const [current, previous, gapQuestions] = await Promise.all([
    store.countQuestions(from, now, ch),
    store.countQuestions(from - days * DAY, from - 1, ch),
    store.gapQuestions(from, now, GAP_QUESTIONS, ch),
  ]);
  return { current, previous, gapQuestions };
}
