import type { Report } from '../../insights/report.js';
import { escapeMrkdwn, mrkdwn, plain } from './mrkdwn.js';
import type { SlackBlock } from './render-blocks.js';

const pct = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

/** The advisor summary as Block Kit (for `/faq stats` and an advisor's App Home). */
export function buildReportBlocks(r: Report): SlackBlock[] {
  const busiest = r.perDay.filter((d) => d.questions > 0).slice(-7);
  const blocks: SlackBlock[] = [
    { type: 'header', text: plain(`Questions ${r.from} to ${r.to}`, 150) },
    {
      type: 'section',
      fields: [
        mrkdwn(`*Questions*\n${r.questions}`),
        mrkdwn(`*Answer rate*\n${pct(r.answerRate)}`),
        mrkdwn(`*Helpful rate*\n${pct(r.helpfulRate)} (${r.helpful} / ${r.helpful + r.unhelpful})`),
        mrkdwn(`*Fell back / withheld*\n${r.fellBack} / ${r.withheld}`),
      ],
    },
  ];
  if (busiest.length > 0) blocks.push({ type: 'section', text: mrkdwn(`*Per day*\n${busiest.map((d) => `${d.date}: ${d.questions} asked, ${d.answered} answered`).join('\n')}`) });
  if (r.topIntents.length > 0) blocks.push({ type: 'section', text: mrkdwn(`*Top intents*\n${r.topIntents.map((t) => `${t.count} · ${escapeMrkdwn(t.label)}`).join('\n')}`) });
  blocks.push({
    type: 'section',
    text: mrkdwn(
      `*Unanswered or unhelpful*\n${
        r.gaps.length === 0
          ? 'None: nothing to triage.'
          : r.gaps
              .map((g) => `${g.count} · "${escapeMrkdwn(g.question)}" (${g.reasons.join(', ')})${g.closest ? ` → closest: ${escapeMrkdwn(g.closest.label)} \`${g.closest.intent}\`` : ''}`)
              .join('\n')
      }`,
    ),
  });
  return blocks;
}
