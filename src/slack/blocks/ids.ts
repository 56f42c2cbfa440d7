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
