import type { Answer, Block } from '../../engine/types.js';

/** Slack's limit on a section's text. */
export const SECTION_LIMIT = 3000;
/** Slack's limit on blocks in one message or view. */
export const BLOCK_LIMIT = 50;

/**
 * Escapes text for mrkdwn: `&`, `<` and `>` become entities, so nothing in it can become a mention,
 * a broadcast (`<!here>`), a channel link or a link the bot did not write.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to a limit on a character boundary, marking the cut. */
export function clip(text: string, limit = SECTION_LIMIT): string {
  if (text.length <= limit) return text;
  const cut = Array.from(text.slice(0, limit - 1));
  return `${cut.join('').replace(/&[a-z]*$/, '')}…`;
}

/** A mrkdwn text object; `verbatim` keeps Slack from turning bare names or URLs into links or mentions. */
export function mrkdwn(text: string): { type: 'mrkdwn'; text: string; verbatim: true } {
  return { type: 'mrkdwn', text: clip(text), verbatim: true };
}

export function plain(text: string, limit = 75): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: clip(text, limit), emoji: true };
}

/** One answer block in mrkdwn. Knowledge-base text is escaped too; its `*bold*` is already mrkdwn. */
export function blockMrkdwn(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return escapeMrkdwn(block.text);
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${escapeMrkdwn(item)}`).join('\n');
    case 'table':
      return block.rows.map((row) => row.map((cell, i) => `*${escapeMrkdwn(block.columns[i] ?? '')}:* ${escapeMrkdwn(cell)}`).join('  ·  ')).join('\n');
  }
}

/** An answer's text as mrkdwn paragraphs. */
export function answerMrkdwn(answer: Answer): string {
  return answer.blocks.map(blockMrkdwn).join('\n');
}
