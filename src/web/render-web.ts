import type { Block, Decision, Topic } from '../engine/types.js';
import { decisionText, followUpsOf } from '../render/plain-text.js';

/** A button in the web chat: `topic` answers an intent, `reply` sends its text as the visitor's answer. */
export type QuickReply = { readonly title: string; readonly topic: string } | { readonly title: string; readonly reply: string };

/**
 * One bot message as the web chat receives it. The page builds it with DOM text nodes only
 * (`blocks` are data, not HTML), so nothing in a message can become markup.
 */
export interface WebReply {
  readonly type: 'message';
  /** Plain text of the whole message (screen readers, clients without block support). */
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly source?: string;
  readonly quick_replies: readonly QuickReply[];
  /** Set on answers: the page offers helpful / not helpful for this intent. */
  readonly feedback?: string;
  /** The decision's intent (`none` on fallback), for clients and tests. */
  readonly intent: string;
  /** The stored question, sent back with feedback. */
  readonly record?: string;
  /** The page's sentences behind the answer, shown under "Where does this come from?". */
  readonly quotes?: readonly string[];
}

const topicReplies = (topics: readonly Topic[]): QuickReply[] => topics.map((t) => ({ title: t.label, topic: t.intent }));

/** The web chat's rendering of an engine decision: same answers and suggestions as Slack. */
export function buildWebReply(decision: Decision): WebReply {
  const text = decisionText(decision, undefined, false);
  if (decision.kind === 'answer') {
    const followUps = followUpsOf(decision);
    const sources = [...new Set(decision.answers.flatMap((a) => a.sources.map((s) => s.title)))];
    const quotes = [...new Set(decision.answers.flatMap((a) => a.quotes))];
    return {
      type: 'message',
      text,
      blocks: decision.answers.flatMap((a) => a.blocks),
      ...(sources.length > 0 ? { source: sources.join('; ') } : {}),
      quick_replies: topicReplies(followUps.slice(0, 3)),
      feedback: decision.answers[0]!.intent,
      intent: decision.intent,
      ...(quotes.length > 0 ? { quotes } : {}),
    };
  }
  if (decision.kind === 'privacy') return { type: 'message', text, blocks: [{ type: 'paragraph', text }], quick_replies: [], intent: decision.intent };
  const topics = decision.kind === 'clarify' ? decision.choices : decision.suggestions;
  return { type: 'message', text, blocks: [{ type: 'paragraph', text }], quick_replies: topicReplies(topics), intent: decision.intent };
}

/** A plain bot line (guide questions, notices), with optional reply buttons. */
export function buildWebText(text: string, replies: readonly { title: string; reply: string }[] = [], intent = 'none'): WebReply {
  return { type: 'message', text: text.replace(/\*([^*\n]+)\*/g, '$1'), blocks: [{ type: 'paragraph', text }], quick_replies: replies, intent };
}
