/** Action and callback ids shared by the Block Kit builders and the listeners that handle them. */
export const ACTION = Object.freeze({
  /** A topic button (follow-up, "Did you mean", fallback suggestion, App Home topic). Value: intent id. */
  topic: 'faq_topic',
  /** "Share in channel" on a private /faq answer. Value: ShareValue. */
  share: 'faq_share',
  /** Helpful / not helpful. Value: FeedbackValue. */
  feedback: 'faq_feedback',
  /** "Post as reply" on the advisor shortcut's private answer. Value: ReplyValue. */
  postReply: 'faq_post_reply',
  /** "Where does this come from?" under an answer. Value: ShareValue (the answers' intent ids). */
  source: 'faq_source',
});

/** Matches every action id of a kind (`faq_topic_0`, `faq_topic_1`, …). */
export function actionPattern(kind: string): RegExp {
  return new RegExp(`^${kind}(_\\d+)?$`);
}

export const SHORTCUT = Object.freeze({ findAnswer: 'find_answer' });

export interface ShareValue {
  /** Intent ids of the answers to share. */
  readonly i: readonly string[];
}
export interface FeedbackValue {
  readonly i: string;
  readonly h: boolean;
  /** The stored question, when the answer was recorded. */
  readonly r?: string;
}
export interface ReplyValue {
  readonly i: readonly string[];
  readonly c: string;
  readonly t: string;
}

/** Parses a button value the app wrote; null when it is not what the app writes. */
export function parseValue<T>(value: string | undefined): T | null {
  if (!value) return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

/** A feedback button's value, or null when it is not one the app wrote (wrong types, missing fields). */
export function parseFeedbackValue(value: string | undefined): FeedbackValue | null {
  const v = parseValue<Record<string, unknown>>(value);
  if (!v || typeof v !== 'object' || typeof v.i !== 'string' || typeof v.h !== 'boolean') return null;
  if (v.r !== undefined && (typeof v.r !== 'string' || !/^[0-9a-f-]{36}$/.test(v.r))) return null;
  return { i: v.i.slice(0, 100), h: v.h, ...(v.r ? { r: v.r } : {}) };
}
