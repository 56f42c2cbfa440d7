import type { Report } from './report.js';

const pct = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

/** The report for a terminal. */
export function reportText(r: Report): string {
  const lines = [
    `Questions ${r.from} to ${r.to}: ${r.questions} (answered ${r.answered}, fell back ${r.fellBack}, withheld for privacy ${r.withheld})`,
    `Answer rate: ${pct(r.answerRate)}   Helpful rate: ${pct(r.helpfulRate)} (${r.helpful} helpful, ${r.unhelpful} not helpful)`,
    '',
    'Per day:',
    ...r.perDay.filter((d) => d.questions > 0).map((d) => `  ${d.date}  ${String(d.questions).padStart(4)} asked  ${String(d.answered).padStart(4)} answered`),
    '',
    'Top intents:',
    ...r.topIntents.map((t) => `  ${String(t.count).padStart(4)}  ${t.label} (${t.intent})`),
    '',
    'Unanswered or unhelpful, grouped:',
    ...r.gaps.map(
      (g) =>
        `  ${String(g.count).padStart(4)}  "${g.question}" [${g.reasons.join(', ')}]` +
        (g.closest ? `  closest: ${g.closest.label} (${g.closest.intent}, ${g.closest.confidence.toFixed(2)})` : ''),
    ),
  ];
  if (r.gaps.length === 0) lines.push('  none');
  return lines.join('\n');
}
