import type { AuditEntry } from '../store/types.js';
import { CHANNELS, PERIODS, type DayOutcomes, type Overview } from './overview.js';
import { esc } from '../server/html.js';

/** HTML of the advisor dashboard, built from data by pure functions; every text is escaped. */

export { esc };

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><link rel="stylesheet" href="/static/admin.css"></head><body><main>${body}</main></body></html>`;
}

/** Without a session: no data, only how to get a link. */
export function signInPage(reason?: string): string {
  return layout('Advisor dashboard: sign in', `<h1>Advisor dashboard</h1>${reason ? `<p class="notice">${esc(reason)}</p>` : ''}` +
    '<p>Sign in with a one-time link: run <code>npx faqbot admin-link</code> on the server, or type <code>/faq dashboard</code> in Slack if you are an advisor. A link works once, for 15 minutes.</p>');
}

/**
 * Opening a sign-in link shows this button; only pressing it (a POST) uses the link, so a link
 * scanner or an unfurler that fetches the link does not use it up or get a session.
 */
export function confirmSignInPage(token: string): string {
  return layout('Advisor dashboard: sign in', '<h1>Advisor dashboard</h1><p>This link signs you in once.</p>' +
    `<form method="post" action="/admin/login"><input type="hidden" name="token" value="${esc(token)}"><button type="submit">Sign in</button></form>`);
}

/** The outcomes a day's bar stacks; their colours are the stylesheet's (`.swatch-<key>`). */
const SERIES: readonly { key: keyof Omit<DayOutcomes, 'date'>; label: string }[] = [
  { key: 'answered', label: 'Answered' },
  { key: 'clarified', label: 'Clarified' },
  { key: 'fellBack', label: 'Fell back' },
  { key: 'privacy', label: 'Privacy notice' },
];

/** Questions per day stacked by outcome, as SVG drawn here, with a title and description for screen readers. */
export function chartSvg(days: readonly DayOutcomes[]): string {
  const W = 720;
  const H = 220;
  const pad = { left: 36, bottom: 24, top: 10 };
  const totals = days.map((d) => d.answered + d.clarified + d.fellBack + d.privacy);
  const max = Math.max(1, ...totals);
  const slot = (W - pad.left) / Math.max(1, days.length);
  const bar = Math.max(2, slot * 0.7);
  const scale = (n: number) => (n / max) * (H - pad.bottom - pad.top);
  const bars = days
    .map((d, i) => {
      let y = H - pad.bottom;
      return SERIES.map((s) => {
        const h = scale(d[s.key]);
        y -= h;
        return h > 0 ? `<rect x="${(pad.left + i * slot).toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" class="swatch-${s.key}"><title>${esc(`${d.date}: ${s.label} ${d[s.key]}`)}</title></rect>` : '';
      }).join('');
    })
    .join('');
  const labelEvery = Math.ceil(days.length / 8);
  const labels = days.map((d, i) => (i % labelEvery === 0 ? `<text x="${(pad.left + i * slot).toFixed(1)}" y="${H - 6}" class="axis">${esc(d.date.slice(5))}</text>` : '')).join('');
  const total = totals.reduce((a, b) => a + b, 0);
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc" class="chart">` +
    `<title id="chart-title">Questions per day by outcome</title><desc id="chart-desc">${esc(`${total} questions over ${days.length} days; the most in one day: ${max}.`)}</desc>` +
    `<text x="0" y="${pad.top + 8}" class="axis">${max}</text><text x="0" y="${H - pad.bottom}" class="axis">0</text>${bars}${labels}</svg>` +
    `<ul class="legend">${SERIES.map((s) => `<li><span class="swatch swatch-${s.key}"></span>${esc(s.label)}</li>`).join('')}</ul>`;
}

const pct = (r: number | null): string => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);
function change(now: number | null, before: number | null): string {
  if (now === null || before === null) return 'no earlier figure';
  const d = Math.round((now - before) * 100);
  return d === 0 ? 'no change' : `${d > 0 ? '+' : ''}${d} points on the period before`;
}

export interface OverviewPageOptions {
  readonly csrf: string;
  readonly who: string;
  readonly message?: string;
  /** Every topic an unanswered group can be added to. */
  readonly topics: readonly { readonly intent: string; readonly label: string }[];
  readonly audit: readonly AuditEntry[];
  /** Whether adding to intents is offered (the knowledge base is writable). */
  readonly canEdit: boolean;
}

/** The overview for a period and channel. */
export function overviewPage(o: Overview, p: OverviewPageOptions): string {
  const query = (days: number, channel: string) => `/admin?days=${days}&amp;channel=${channel}`;
  const filters = `<nav class="filters" aria-label="Period and channel">${PERIODS.map((d) => `<a href="${query(d, o.channel)}"${d === o.days ? ' aria-current="page"' : ''}>${d} days</a>`).join('')}` +
    ` · ${CHANNELS.map((c) => `<a href="${query(o.days, c)}"${c === o.channel ? ' aria-current="page"' : ''}>${c === 'all' ? 'All channels' : c === 'slack' ? 'Slack' : 'Web'}</a>`).join('')}</nav>`;
  const options = (alternatives: readonly { intent: string; label: string }[]) =>
    [...alternatives, ...p.topics.filter((t) => !alternatives.some((a) => a.intent === t.intent))]
      .map((t) => `<option value="${esc(t.intent)}">${esc(t.label)}</option>`)
      .join('');
  const gaps = o.gaps.length === 0
    ? '<p>No unanswered or unhelpful questions in this period.</p>'
    : `<ol class="gaps">${o.gaps
        .map((g, i) => `<li><p><strong>${esc(g.question)}</strong> <span class="count">${g.count} question${g.count === 1 ? '' : 's'}; ${esc(g.reasons.join(', '))}</span></p>` +
          `<ul>${g.examples.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>` +
          `<p class="closest">Closest: ${g.alternatives.map((a) => esc(a.label)).join(', ') || 'none'}</p>` +
          (p.canEdit
            ? `<form method="post" action="/admin/add"><input type="hidden" name="csrf" value="${esc(p.csrf)}"><input type="hidden" name="days" value="${o.days}"><input type="hidden" name="channel" value="${esc(o.channel)}">` +
              `<input type="hidden" name="group" value="${esc(g.key)}">${g.examples.map((e) => `<input type="hidden" name="question" value="${esc(e)}">`).join('')}` +
              `<label for="intent-${i}">Add these questions to</label> <select id="intent-${i}" name="intent">${options(g.alternatives)}</select> <button type="submit">Add</button></form>`
            : '') + '</li>')
        .join('')}</ol>`;
  const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
    `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const perDayTable = table(['Day', 'Answered', 'Clarified', 'Fell back', 'Privacy notice'], o.perDay.map((d) => [d.date, String(d.answered), String(d.clarified), String(d.fellBack), String(d.privacy)]));
  const h = o.health;
  return layout('Advisor dashboard', `<header><h1>Advisor dashboard</h1><form method="post" action="/admin/logout"><input type="hidden" name="csrf" value="${esc(p.csrf)}"><span>Signed in (${esc(p.who)})</span> <button type="submit">Sign out</button></form></header>` +
    (p.message ? `<p class="notice" role="status">${esc(p.message)}</p>` : '') + filters +
    `<section class="cards"><div><h2>Questions</h2><p class="big">${o.questions}</p><p>${esc(o.from)} to ${esc(o.to)}</p></div>` +
    `<div><h2>Answer rate</h2><p class="big">${pct(o.answerRate)}</p><p>${esc(change(o.answerRate, o.previous.answerRate))}</p></div>` +
    `<div><h2>Helpful rate</h2><p class="big">${pct(o.helpfulRate)}</p><p>${esc(change(o.helpfulRate, o.previous.helpfulRate))}</p></div></section>` +
    `<section><h2>Questions per day</h2>${chartSvg(o.perDay)}<details><summary>The same as a table</summary>${perDayTable}</details></section>` +
    `<section><h2>Unanswered and not helpful, grouped</h2>${gaps}</section>` +
    `<section><h2>Top topics</h2>${table(['Topic', 'Questions'], o.topIntents.map((t) => [t.label, String(t.count)]))}</section>` +
    `<section><h2>Knowledge health</h2><h3>Facts not checked recently</h3>${h.stale.length === 0 ? '<p>None.</p>' : table(['Fact', 'Last checked'], h.stale.map((f) => [f.id, f.asOf]))}` +
    `<h3>Topics with the fewest example questions</h3>${table(['Topic', 'Examples'], h.fewestUtterances.map((t) => [t.label, String(t.count)]))}` +
    `<h3>Topics nobody asked about in this period</h3>${h.neverAsked.length === 0 ? '<p>None.</p>' : `<ul>${h.neverAsked.map((t) => `<li>${esc(t.label)}</li>`).join('')}</ul>`}</section>` +
    `<section><h2>Export</h2><p><a href="/admin/export.csv?days=${o.days}&amp;channel=${esc(o.channel)}">Download this period as CSV</a> (time, channel, redacted question, topic, outcome, feedback).</p></section>` +
    `<section><h2>Changes made here</h2>${p.audit.length === 0 ? '<p>None yet.</p>' : table(['When', 'Who', 'What', 'Detail'], p.audit.map((a) => [new Date(a.at).toISOString().replace('T', ' ').slice(0, 16), a.who, a.action, a.detail]))}</section>`);
}
