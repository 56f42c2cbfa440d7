import type { Answer, Block, Decision, Topic } from '../engine/types.js';

/** Words the product says around answers; no career fact belongs here. */
export const COPY = Object.freeze({
  fallback: "Sorry, I don't have an answer to that.",
  fallbackOffer: 'I can help with:',
  clarify: 'Did you mean',
  source: 'Source',
  related: 'Related',
  empty: 'Ask me a question about this career.',
  whereFrom: 'Where does this come from?',
  quotedFrom: 'From',
  thePage: 'the career page',
  noQuote: 'This answer quotes no sentence of the page.',
});

export interface TextStyle {
  /** Wraps emphasised text (`*x*` in templates). */
  readonly bold: (text: string) => string;
}

const PLAIN: TextStyle = { bold: (t) => t };

/** Turns the knowledge base's inline `*bold*` and `` `code` `` into the given style. */
export function inlineText(text: string, style: TextStyle = PLAIN): string {
  return text.replace(/\*([^*\n]+)\*/g, (_m, inner: string) => style.bold(inner)).replace(/`([^`\n]+)`/g, '$1');
}

/** A table as aligned monospace columns. */
export function tableText(columns: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** One block as lines of plain text. */
export function blockText(block: Block, style: TextStyle = PLAIN): string[] {
  switch (block.type) {
    case 'paragraph':
      return [inlineText(block.text, style)];
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${inlineText(item, style)}`);
    case 'table':
      return tableText(block.columns, block.rows);
  }
}

function topicList(topics: readonly Topic[]): string {
  return topics.map((t) => t.label).join(', ');
}

/** The follow-up topics of a decision's answers, each once, in order (what every channel offers as buttons). */
export function followUpsOf(decision: Decision): Topic[] {
  if (decision.kind !== 'answer') return [];
  return decision.answers.flatMap((a) => a.followUps).filter((t, i, all) => all.findIndex((o) => o.intent === t.intent) === i);
}

/** An answer as plain text: its blocks, its source and its follow-up topics. */
export function answerText(answer: Answer, style: TextStyle = PLAIN, withFooter = true): string {
  const lines = answer.blocks.flatMap((b) => blockText(b, style));
  if (withFooter && answer.sources.length > 0) lines.push('', `${COPY.source}: ${answer.sources.map((s) => s.title).join('; ')}`);
  if (withFooter && answer.followUps.length > 0) lines.push(`${COPY.related}: ${topicList(answer.followUps)}`);
  return lines.join('\n');
}

/** What the bot says for a decision, as plain text (terminals, notifications, JSON output). */
export function decisionText(decision: Decision, style: TextStyle = PLAIN, withFooter = true): string {
  switch (decision.kind) {
    case 'answer':
      return decision.answers.map((a) => answerText(a, style, withFooter)).join('\n\n');
    case 'clarify':
      return `${COPY.clarify} ${decision.choices.map((c) => `"${c.label}"`).join(' or ')}?`;
    case 'privacy':
      return decision.notice;
    case 'fallback': {
      const lead = decision.notice ?? (decision.text.trim() === '' ? COPY.empty : COPY.fallback);
      return `${lead} ${COPY.fallbackOffer} ${topicList(decision.suggestions)}.`;
    }
  }
}
