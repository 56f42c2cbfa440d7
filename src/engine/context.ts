import { normalize } from './normalize.js';
import { NONE, type ContextCues, type ConversationContext, type Decision, type Intent, type KnowledgeBase, type Scored } from './types.js';

/** What the resolver needs of the engine: decisions with and without the conversation's topic. */
export interface FollowUpEngine {
  /** Decides a question with the anchor words of a topic added, leaving out the `exclude`d ids. */
  decideAnchored(text: string, anchorId: string, exclude?: ReadonlySet<string>): Decision;
  /** Decides a question on its own words. */
  decideAlone(text: string): Decision;
  /** The answer decision of one intent or variant, for `text`. */
  answerWith(intentId: string, text: string): Decision;
}

export interface FollowUpSettings {
  /** A standalone answer at least this confident is never overridden by the context. */
  readonly keepsAbove: number;
  /** Among the items left, the best must lead the next by this much to be chosen alone. */
  readonly margin: number;
  readonly answerThreshold: number;
}

/** A collection as follow-ups see it: its items' intents and the intent that speaks for them all. */
interface Family {
  readonly parent: string;
  readonly items: readonly string[];
}

/** Whether `id` is `parent` or one of its refinements. */
export function within(id: string, parent: string): boolean {
  return id === parent || id.startsWith(`${parent}.`);
}

/**
 * Resolves follow-up questions against the conversation so far; pure, the context is a value in
 * and out. A question that stands on its own is answered on its own: the context is used only
 * when the standalone decision is unsure, small talk, a clarification, or a weak answer to a
 * question that opens like a continuation ("and ...", "what about ..."). A question whose own
 * words are about something the knowledge base does not cover ("and nurses?", "what about in
 * Texas?") falls back as it would alone: the context never invents an answer.
 */
export class ContextResolver {
  private readonly continues: readonly string[];
  private readonly excludes: ReadonlySet<string>;
  private readonly refers: ReadonlySet<string>;
  private readonly families = new Map<string, Family>();
  private readonly leads = new Map<string, readonly string[]>();
  private readonly byId = new Map<string, Intent>();

  constructor(
    kb: KnowledgeBase,
    private readonly settings: FollowUpSettings,
  ) {
    for (const intent of kb.intents) for (const id of [intent.id, ...intent.variants.map((v) => v.id)]) this.byId.set(id, intent);
    const cues: ContextCues = kb.lexicon.context;
    this.continues = cues.continues.map((c) => ` ${words(c).join(' ')} `);
    this.excludes = new Set(cues.excludes.flatMap(words));
    this.refers = new Set(cues.refers.flatMap(words));
    for (const intent of kb.intents) {
      for (const variant of intent.variants) {
        if (!variant.compare) continue;
        const items = (kb.knowledge.collections[variant.compare]?.items ?? []).filter((i) => kb.intents.some((x) => x.id === i));
        const family = { parent: intent.id, items };
        for (const id of [intent.id, variant.id, ...items]) if (!this.families.has(id)) this.families.set(id, family);
      }
    }
    // An answer that speaks of one item in its text (a variant recommending one certification) names it.
    const items = new Set([...this.families.values()].flatMap((f) => f.items));
    for (const intent of kb.intents) {
      for (const t of [{ id: intent.id, answer: intent.answer }, ...intent.variants]) {
        const textual = t.answer.replace(/\{\{\s*table[^}]*\}\}/g, '');
        const named = [...items].filter((i) => textual.includes(`{{${i}.`));
        this.leads.set(t.id, items.has(t.id) ? [t.id] : named);
      }
    }
  }

  /** The decision for `text` in the conversation `context`, given its standalone decision. */
  resolve(text: string, alone: Decision, context: ConversationContext | undefined, engine: FollowUpEngine): Decision {
    if (!context || alone.kind === 'privacy' || !this.known(context.intent)) return alone;
    const cue = this.cues(text);
    const outside = alone.kind === 'fallback' && alone.reason === 'outside';
    const topical = alone.kind === 'answer' && !this.smallTalk(alone.intent);
    // "the others" only where the question leans on what was named: a continuation ("and the last
    // one?", whose cue words the knowledge base need not know), or a question that is neither about
    // something else nor answered on its own ("what else does AHIMA offer"); never over "is the CPC
    // recognized in other states?" or "the best pizza in other cities".
    const leans = cue.continues || (!outside && !(topical && alone.confidence >= this.settings.keepsAbove));
    // A question that names an item itself ("is the CPC recognized in other states?") is about that item.
    const namesItem = topical && this.families.get(alone.intent)?.items.includes(alone.intent) === true;
    if (cue.excludes && leans && !namesItem) {
      const other = this.others(text, context, engine);
      if (other) return { ...other, confidence: Math.max(alone.confidence, this.settings.answerThreshold) };
    }
    if (outside) return alone;
    // "never mind those, start over" starts over, however unsure.
    if (alone.kind === 'answer' && this.intentOf(alone.intent)?.clearsContext) return alone;
    if (topical && !cue.continues) return alone;
    // Small talk keeps a confident question from the topic, unless it points back ("what do they cover?").
    if (alone.kind === 'answer' && !topical && alone.confidence >= this.settings.keepsAbove && !cue.refers) return alone;
    const anchored = engine.decideAnchored(text, this.anchorOf(context));
    if (anchored.kind !== 'answer' || this.smallTalk(anchored.intent)) return alone;
    // A continuation ("and with experience?") that its own words already answer keeps that answer,
    // unless leaning on the topic it continues gives that topic clearly more confidence.
    if (topical) {
      const onTopic = within(anchored.intent, this.intentOf(context.intent)!.id);
      if (!onTopic || anchored.confidence < alone.confidence + this.settings.margin) return alone;
    }
    return { ...anchored, text };
  }

  /** The context after a decision: a topical answer becomes the topic; anything else leaves it as it was. */
  next(decision: Decision, previous: ConversationContext | undefined, named: readonly string[]): ConversationContext | undefined {
    if (decision.kind !== 'answer') return previous;
    const intent = this.intentOf(decision.intent);
    if (intent?.clearsContext) return undefined;
    if (!intent || intent.smallTalk) return previous;
    return { intent: decision.intent, named: named.length > 0 ? named : (this.leads.get(decision.intent) ?? []) };
  }

  /** The collection items a context resolves "it" and "that" to, and what the anchor speaks of. */
  private anchorOf(context: ConversationContext): string {
    return context.named.length === 1 && this.known(context.named[0]!) ? context.named[0]! : context.intent;
  }

  /**
   * "and the others?", "what else does AHIMA offer", "and the last one?": the items of the
   * context's collection that were not named. One left: that one. Several: the one the question's
   * own words single out, or the collection as a whole.
   */
  private others(text: string, context: ConversationContext, engine: FollowUpEngine): Decision | undefined {
    const family = this.families.get(context.intent) ?? this.families.get(context.named[0] ?? '');
    if (!family) return undefined;
    const named = context.named.length > 0 ? context.named : [context.intent];
    const left = family.items.filter((i) => !named.includes(i));
    if (left.length === 0) return undefined;
    if (left.length === 1) return engine.answerWith(left[0]!, text);
    // The question's own words, less the cue words, rank the items left ("what else does AHIMA
    // offer": AHIMA singles out the RHIT once the CCA is named).
    const own = words(text).filter((w) => !this.excludes.has(w)).join(' ');
    const scored = engine.decideAlone(own);
    const ranked: Scored[] = [{ intent: scored.intent, confidence: scored.confidence }, ...scored.alternatives];
    const score = (id: string) => Math.max(0, ...ranked.filter((r) => within(r.intent, id)).map((r) => r.confidence));
    const [best, second] = left.map((id) => ({ id, s: score(id) })).sort((a, b) => b.s - a.s);
    if (best && best.s >= this.settings.answerThreshold && best.s - (second?.s ?? 0) >= this.settings.margin) return engine.answerWith(best.id, text);
    return engine.answerWith(family.parent, text);
  }

  private cues(text: string): { continues: boolean; excludes: boolean; refers: boolean } {
    const said = words(text);
    const opening = ` ${said.join(' ')} `;
    // Pointing back counts in a question ("what do they cover?"), never in thanks or a goodbye ("thanks for these").
    const asks = /\?\s*$/.test(text) || /^(?:what|which|how|where|when|who|why|do|does|did|is|are|can|could|will|would)$/.test(said[0] ?? '');
    return { continues: this.continues.some((c) => opening.startsWith(c)), excludes: said.some((w) => this.excludes.has(w)), refers: asks && said.some((w) => this.refers.has(w)) };
  }

  private intentOf(id: string): Intent | undefined {
    return this.byId.get(id);
  }

  private known(id: string): boolean {
    return id !== NONE && this.intentOf(id) !== undefined;
  }

  private smallTalk(id: string): boolean {
    return this.intentOf(id)?.smallTalk === true;
  }
}

function words(text: string): string[] {
  return normalize(text)
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}
