import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { addUtterance } from '../../src/kb/edit.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { createLogger } from '../../src/log/logger.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { SignInLinks } from '../../src/admin/links.js';
import { Once } from '../../src/app/once.js';
import { Visitor } from '../support/web-app.js';
import { ROOT } from '../helpers.js';

const DAY = 86_400_000;
let app: RunningApp;
let store: SqliteStore;
let engine: Engine;
let links: SignInLinks;

/** A stored question `daysAgo` days back. */
const q = (daysAgo: number, question: string, intent: string, outcome: string, channel: 'web' | 'slack' = 'web', helpful: boolean | null = null) =>
  ({ at: Date.now() - daysAgo * DAY, channel, userKey: 'u-secret-key', question, intent, confidence: 0.5, outcome, helpful });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-admin-'));
  for (const d of ['knowledge', 'intents']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  const dirs = { knowledgeDir: join(dir, 'knowledge'), intentsDir: join(dir, 'intents'), minUtterances: 12 };
  engine = createEngine(loadKnowledgeBase(dirs));
  store = new SqliteStore(':memory:');
  for (const row of [
    q(1, 'how much does it pay', 'salary', 'answer'),
    q(1, 'can i do the job from my couch', 'none', 'fallback'),
    q(2, 'can i do this job from my couch at home', 'none', 'fallback', 'slack'),
    q(2, 'which cert first', 'certs.overview', 'clarify'),
    q(3, 'my ssn is [SSN]', 'none', 'privacy'),
    q(3, 'do i need a degree', 'training.degree', 'answer', 'web'),
    q(40, 'an old question from last month', 'none', 'fallback'),
    q(1, 'is there a night shift', 'none', 'fallback'),
  ]) {
    const id = await store.record(row);
    if (row.question === 'do i need a degree') await store.setFeedback(id, false, 'u-secret-key');
  }
  app = await startApp({
    config: { port: 0, host: '127.0.0.1', logLevel: 'silent', ratePerMinute: 1000, dataDir: dir, retentionDays: 90, advisorUserIds: [], addressRatePerMinute: 0, sessionsPerMinute: 0 },
    engine: () => engine,
    logger: createLogger('silent'),
    store,
    // The same validated edit path as Slack triage, reloaded at once.
    addUtterance: (intent, utterance) => {
      const result = addUtterance(dirs, intent, utterance);
      if (result.ok) engine = createEngine(loadKnowledgeBase(dirs));
      return result;
    },
  });
  links = new SignInLinks(store, new Once(store));
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const get = (path: string, cookie = '') => fetch(`${app.url}${path.replace(/^\//, '')}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
const post = (path: string, form: Record<string, string | string[]>, cookie: string) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
  return fetch(`${app.url}${path.replace(/^\//, '')}`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(), redirect: 'manual' });
};

/** Opens a link (a page with a button) and presses it (the POST that uses the link). */
async function useLink(token: string): Promise<Response> {
  const page = await get(`/admin/login?token=${token}`);
  if (page.status !== 200) return page;
  expect(await page.text()).toContain('<form method="post" action="/admin/login">');
  return post('/admin/login', { token }, '');
}

async function signIn(): Promise<string> {
  const res = await useLink(await links.issue('test advisor'));
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('Advisor dashboard: sign-in', () => {
  it('without a session /admin and everything under it answer 401 with no data at all, and say how to get a link', async () => {
    for (const path of ['/admin', '/admin?days=7', '/admin/export.csv']) {
      const res = await get(path);
      expect(res.status).toBe(401);
      const body = await res.text();
      expect(body).toContain('faqbot admin-link');
      expect(body).not.toContain('couch');
    }
    expect((await post('/admin/add', { intent: 'salary', question: 'x' }, '')).status).toBe(401);
  });

  it('a link signs in once: a signed HttpOnly, SameSite=Strict cookie and a redirect to /admin; reused, it is refused', async () => {
    const token = await links.issue('test advisor');
    // Fetching the link (a scanner, an unfurler, a HEAD) does not use it.
    expect((await fetch(`${app.url}admin/login?token=${token}`, { method: 'HEAD' })).status).toBe(200);
    expect((await get(`/admin/login?token=${token}`)).headers.get('set-cookie')).toBeNull();
    const first = await useLink(token);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/admin');
    expect(first.headers.get('set-cookie')).toMatch(/^faq_admin=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800/);
    const again = await useLink(token);
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('already used');
  });

  it('an expired link, a made-up token and a forged cookie are refused', async () => {
    const expired = await new SignInLinks(store, new Once(store), () => Date.now() - 16 * 60_000).issue('late');
    expect(await (await useLink(expired)).text()).toContain('unknown or expired');
    expect((await get('/admin/login?token=not-a-token')).status).toBe(401);
    expect((await post('/admin/login', { token: 'not-a-token' }, '')).status).toBe(401);
    const cookie = await signIn();
    const forged = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await get('/admin', forged)).status).toBe(401);
  });
});

describe('Advisor dashboard: the overview', () => {
  it('shows the period\'s figures, the chart with a text alternative, and the question that fell back in its group with the closest topics', async () => {
    const cookie = await signIn();
    const res = await get('/admin?days=7', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<svg viewBox');
    expect(html).toContain('<title id="chart-title">Questions per day by outcome</title>');
    expect(html).toContain('The same as a table');
    expect(html).toMatch(/can i do (this|the) job from my couch/);
    expect(html).toMatch(/2 questions; unanswered/);
    expect(html).not.toContain('an old question from last month');
    expect(html).not.toContain('u-secret-key');
    expect(html).toContain('Answer rate');
  });

  it('a channel filter shows that channel only', async () => {
    const html = await (await get('/admin?days=7&channel=slack', await signIn())).text();
    expect(html).not.toContain('how much does it pay');
  });

  it('adds a group to an intent through the validated edit path; the web chat answers it right after; the audit log shows who and what', async () => {
    const cookie = await signIn();
    const html = await (await get('/admin?days=7', cookie)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
    expect((await post('/admin/add', { intent: 'role.overview', question: ['can i do the job from my couch'], group: 'x', days: '7', channel: 'all' }, cookie)).status).toBe(403);
    const added = await post('/admin/add', { csrf, intent: 'role.overview', question: ['can i do the job from my couch', 'my ssn is [SSN]'], group: 'can i do the job from my couch', days: '7', channel: 'all' }, cookie);
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/admin?days=7&channel=all');
    const told = await (await get('/admin?days=7', cookie)).text();
    expect(told).toContain('Added 1 to role.overview');
    expect(told).toContain('still holds a redaction placeholder');
    const [reply] = await new Visitor(app.url).say('can i do the job from my couch');
    expect(reply.intent).toBe('role.overview');
    const after = await (await get('/admin?days=7', cookie)).text();
    expect(after).toContain('added 1 question to role.overview');
    expect(after).toContain('test advisor');
    expect(after).not.toMatch(/<strong>can i do the job from my couch<\/strong>/);
  });

  it('an example is added once however often it is sent (a double click, the same question twice); a broken emoji or a non-ASCII token never makes a 500', async () => {
    const cookie = await signIn();
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await get('/admin?days=7', cookie)).text())![1]!;
    const first = await post('/admin/add', { csrf, intent: 'career.growth', question: ['is there room to grow as a records specialist', 'is there room to grow as a records specialist'], group: 'g1', days: '7', channel: 'all' }, cookie);
    expect(first.status).toBe(303);
    const again = await post('/admin/add', { csrf, intent: 'career.growth', question: ['is there room to grow as a records specialist'], group: 'g1', days: '7', channel: 'all' }, cookie);
    expect(again.status).toBe(303);
    const page = await (await get('/admin?days=7', cookie)).text();
    expect(page).toContain('is already an example of career.growth');
    expect(engine.kb.intents.find((i) => i.id === 'career.growth')!.utterances.filter((u) => u === 'is there room to grow as a records specialist')).toHaveLength(1);
    expect((await post('/admin/add', { csrf, intent: `${'a'.repeat(59)}\u{1F600}`, question: ['x'], days: '7', channel: 'all' }, cookie)).status).toBe(303);
    expect((await post('/admin/add', { csrf: `é${'A'.repeat(42)}`, intent: 'salary', question: ['x'] }, cookie)).status).toBe(403);
  });

  it('the outcome message is the session\'s own: a link\'s query text never shows on the page', async () => {
    const html = await (await get('/admin?done=Your%20session%20expired%2C%20sign%20in%20at%20https%3A%2F%2Fevil.example', await signIn())).text();
    expect(html).not.toContain('evil.example');
  });

  it('exports the period as CSV: redacted questions, no user keys', async () => {
    const res = await get('/admin/export.csv?days=7', await signIn());
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toBe('time,channel,question,intent,outcome,feedback');
    expect(csv).toContain(',web,do i need a degree,training.degree,answer,not helpful');
    expect(csv).toContain('my ssn is [SSN]');
    expect(csv).not.toContain('u-secret-key');
    expect(csv).not.toContain('an old question from last month');
  });

  it('sign-out ends the session (with its CSRF token)', async () => {
    const cookie = await signIn();
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await get('/admin', cookie)).text())![1]!;
    expect((await post('/admin/logout', { csrf }, cookie)).status).toBe(303);
    expect((await get('/admin', cookie)).status).toBe(401);
  });
});

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.runIf(existsSync(CHROMIUM))('Advisor dashboard in a real browser (Chromium)', () => {
  it('signs in with a link, shows the chart and the group, adds it to an intent, the chat answers it, and the CSV downloads; screenshots at laptop and phone widths', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${app.url}admin/login?token=${await links.issue('browser advisor')}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/admin$/);
      await page.getByRole('img', { name: 'Questions per day by outcome' }).waitFor();
      const group = page.locator('.gaps > li', { hasText: 'is there a night shift' });
      await group.waitFor();
      const artifacts = join(ROOT, 'artifacts');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'dashboard-laptop.png'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(artifacts, 'dashboard-phone.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      await group.locator('select').selectOption('role.duties');
      await group.getByRole('button', { name: 'Add' }).click();
      await page.locator('.notice', { hasText: 'Added 1 to role.duties' }).waitFor();
      expect(await page.locator('.gaps > li', { hasText: 'is there a night shift' }).count()).toBe(0);

      const csv = await (await context.request.get(`${app.url}admin/export.csv?days=7`)).text();
      expect(csv).toContain('is there a night shift');

      const chat = await context.newPage();
      await chat.goto(app.url);
      await chat.getByLabel('Your question').fill('is there a night shift');
      await chat.keyboard.press('Enter');
      await chat.locator('.msg--bot[data-intent="role.duties"]').waitFor();
    } finally {
      await browser.close();
    }
  }, 60_000);
});

