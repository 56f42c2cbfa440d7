import type { StoredQuestion } from '../store/types.js';

/** A CSV field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The period's questions as CSV: time, channel, the redacted question, the intent, the outcome and
 * the feedback. Nothing more: no user keys, nothing unredacted (the store never held it).
 */
export function exportCsv(rows: readonly StoredQuestion[]): string {
  const lines = ['time,channel,question,intent,outcome,feedback'];
  for (const r of rows) {
    const feedback = r.helpful === null ? '' : r.helpful ? 'helpful' : 'not helpful';
    lines.push([new Date(r.at).toISOString(), r.channel, r.question, r.intent, r.outcome, feedback].map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
