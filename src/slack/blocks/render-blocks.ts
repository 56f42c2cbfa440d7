import type { Answer, Decision, Topic } from '../../engine/types.js';
import { COPY, decisionText, followUpsOf } from '../../render/plain-text.js';
import { ACTION, type FeedbackValue, type ReplyValue, type ShareValue } from './ids.js';
import { BLOCK_LIMIT, answerMrkdwn, clip, escapeMrkdwn, mrkdwn, plain } from './mrkdwn.js';

/** A Block Kit block; kept loose so builders stay plain data. */
export type SlackBlock = Record<string, unknown>;

export interface SlackMessage {
  /** Plain fallback for notifications and screen readers (escaped: Slack parses it as mrkdwn). */
  readonly text: string;
  readonly blocks: SlackBlock[];
}

export interface AnswerOptions {
  /** Adds "Share in channel" (private /faq answers). */
  readonly share?: boolean;
  /** Adds helpful / not helpful buttons. */
  readonly feedback?: boolean;
  /** Credits the person who shared the answer (`<@U…>`, written by the app from Slack's own user id). */
  readonly sharedBy?: string;
  /** The stored question the feedback buttons report on. */
  readonly recordId?: string;
  /** Adds "Post as reply" to that message's thread (advisor shortcut). */
  readonly replyTo?: { readonly channel: string; readonly ts: string };
  /** Feedback as Slack's own thumbs (`context_actions` with `feedback_buttons`), as assistant threads show them. */
  readonly nativeFeedback?: boolean;
}

function topicButtons(topics: readonly Topic[], blockId: string): SlackBlock | null {
  if (topics.length === 0) return null;
  return {
    type: 'actions',
    block_id: blockId,
    elements: topics.slice(0, 5).map((t, i) => ({
      type: 'button',
      action_id: `${ACTION.topic}_${i}`,
      text: plain(t.label),
      value: t.intent,
    })),
  };
}

function answerSections(answer: Answer): SlackBlock[] {
  const blocks: SlackBlock[] = [{ type: 'section', text: mrkdwn(answerMrkdwn(answer)) }];
  if (answer.sources.length > 0) {
    blocks.push({ type: 'context', elements: [mrkdwn(`${COPY.source}: ${escapeMrkdwn(answer.sources.map((s) => s.title).join('; '))}`)] });
  }
  return blocks;
}

/** The intent ids a decision answers with (one per part of a two-part question). */
export function answeredIntents(decision: Decision): string[] {
  return decision.kind === 'answer' ? decision.answers.map((a) => a.intent) : [];
}

/** Block Kit for one engine decision: answer, "Did you mean" or fallback, with its buttons. */
export function buildDecisionBlocks(decision: Decision, options: AnswerOptions = {}): SlackMessage {
  const blocks: SlackBlock[] = [];
  if (decision.kind === 'answer') {
    for (const answer of decision.answers) blocks.push(...answerSections(answer));
    const followUps = followUpsOf(decision);
    const buttons = topicButtons(followUps.slice(0, 3), 'follow_ups');
    if (buttons) blocks.push(buttons);
  } else if (decision.kind === 'clarify') {
    blocks.push({ type: 'section', text: mrkdwn(escapeMrkdwn(decisionText(decision))) });
    blocks.push(topicButtons(decision.choices, 'did_you_mean')!);
  } else if (decision.kind === 'privacy') {
    blocks.push({ type: 'section', text: mrkdwn(`:lock: ${escapeMrkdwn(decision.notice)}`) });
  } else {
    blocks.push({ type: 'section', text: mrkdwn(escapeMrkdwn(decisionText(decision))) });
    const buttons = topicButtons(decision.suggestions, 'suggestions');
    if (buttons) blocks.push(buttons);
  }

  const intents = answeredIntents(decision);
  const extra: SlackBlock[] = [];
  if (options.share && intents.length > 0) {
    const value: ShareValue = { i: intents };
    extra.push({ type: 'button', action_id: ACTION.share, text: plain('Share in channel'), style: 'primary', value: JSON.stringify(value) });
  }
  if (options.replyTo && intents.length > 0) {
    const value: ReplyValue = { i: intents, c: options.replyTo.channel, t: options.replyTo.ts };
    extra.push({ type: 'button', action_id: ACTION.postReply, text: plain('Post as reply in thread'), style: 'primary', value: JSON.stringify(value) });
  }
  // Every answer can show the page's sentences it comes from.
  if (intents.length > 0 && decision.kind === 'answer' && decision.answers.some((a) => a.quotes.length > 0)) {
    const value: ShareValue = { i: intents };
    extra.push({ type: 'button', action_id: ACTION.source, text: plain(COPY.whereFrom), value: JSON.stringify(value) });
  }
  let native: SlackBlock | undefined;
  if (options.feedback && intents.length > 0) {
    const record = options.recordId ? { r: options.recordId } : {};
    const helpful = JSON.stringify({ i: intents[0]!, h: true, ...record } satisfies FeedbackValue);
    const unhelpful = JSON.stringify({ i: intents[0]!, h: false, ...record } satisfies FeedbackValue);
    if (options.nativeFeedback) native = buildFeedbackButtons(helpful, unhelpful);
    else {
      extra.push(
        { type: 'button', action_id: `${ACTION.feedback}_0`, text: plain('Helpful'), value: helpful },
        { type: 'button', action_id: `${ACTION.feedback}_1`, text: plain('Not helpful'), value: unhelpful },
      );
    }
  }
  if (extra.length > 0) blocks.push({ type: 'actions', block_id: 'answer_actions', elements: extra });
  if (native) blocks.push(native);
  if (options.sharedBy) blocks.push({ type: 'context', elements: [mrkdwn(`Shared by <@${options.sharedBy}>`)] });

  return { text: clip(escapeMrkdwn(decisionText(decision, undefined, false)), 3000), blocks: blocks.slice(0, BLOCK_LIMIT) };
}

/** Slack's own thumbs under an answer: one action (`faq_feedback`) whose value says which was pressed. */
export function buildFeedbackButtons(helpfulValue: string, unhelpfulValue: string): SlackBlock {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION.feedback,
        positive_button: { text: plain('Helpful'), value: helpfulValue, accessibility_label: 'This answer helped' },
        negative_button: { text: plain('Not helpful'), value: unhelpfulValue, accessibility_label: 'This answer did not help' },
      },
    ],
  };
}

/** A plain notice (rate limits, errors, confirmations), escaped. */
export function buildNoticeBlocks(text: string): SlackMessage {
  const safe = escapeMrkdwn(text);
  return { text: safe, blocks: [{ type: 'section', text: mrkdwn(safe) }] };
}

export interface CommandHelp {
  readonly command: string;
  readonly hint?: string;
}

/** The App Home tab: what the bot knows as buttons that answer, and the commands. */
export function buildHomeView(topics: readonly Topic[], commands: readonly CommandHelp[]): { type: 'home'; blocks: SlackBlock[] } {
  const blocks: SlackBlock[] = [
    { type: 'header', text: plain('What I can help with', 150) },
    { type: 'section', text: mrkdwn('Press a topic for its answer here in our messages, or ask me anything in your own words.') },
  ];
  for (let i = 0; i < topics.length; i += 5) {
    blocks.push(topicButtons(topics.slice(i, i + 5), `home_topics_${i / 5}`)!);
  }
  blocks.push({ type: 'divider' }, { type: 'header', text: plain('Commands', 150) });
  blocks.push({
    type: 'section',
    text: mrkdwn(commands.map((c) => `\`${c.command}\`${c.hint ? ` ${escapeMrkdwn(c.hint)}` : ''}`).join('\n')),
  });
  blocks.push({ type: 'context', elements: [mrkdwn('Please never share patient information in chat.')] });
  return { type: 'home', blocks: blocks.slice(0, 100) };
}

/**
 * "Where does this come from?": the sentences of the page behind the answers, quoted, under the
 * source's title. Shown only to the person who asked (an ephemeral reply).
 */
export function buildQuoteBlocks(answers: readonly Answer[]): SlackMessage {
  const quotes = [...new Set(answers.flatMap((a) => a.quotes))];
  const titles = [...new Set(answers.flatMap((a) => a.sources.map((s) => s.title)))];
  const lead = `${COPY.quotedFrom} ${titles.join('; ') || COPY.thePage}:`;
  const body = quotes.map((q) => `> ${escapeMrkdwn(q)}`).join('\n');
  return {
    text: clip(escapeMrkdwn(`${lead} ${quotes.join(' ')}`), 3000),
    blocks: [{ type: 'context', elements: [mrkdwn(escapeMrkdwn(lead))] }, { type: 'section', text: mrkdwn(clip(body || escapeMrkdwn(COPY.noQuote), 3000)) }],
  };
}
