import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { startWebHarness, type WebHarness } from '../support/web-app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'artifacts');
const available = existsSync(CHROMIUM);
if (!available) console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does)`);

describe.runIf(available)('web chat in a real browser (Chromium, playwright-core)', () => {
  let h: WebHarness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startWebHarness();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('typing a question shows its answer, and typed markup stays text', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 780 } });
    await page.goto(h.app.url);
    await page.locator('.msg--bot').first().waitFor();
    await page.getByLabel('Your question').fill('How much do medical records specialists make?');
    await page.keyboard.press('Enter');
    await page.locator('.msg--bot', { hasText: '$50,250' }).waitFor();
    // "Where does this come from?" opens the page's own lines behind the answer.
    const why = page.locator('.msg--bot', { hasText: '$50,250' }).locator('details.quotes');
    expect(await why.locator('blockquote').first().isVisible()).toBe(false);
    await why.locator('summary', { hasText: 'Where does this come from?' }).click();
    expect(await why.locator('blockquote').allTextContents()).toEqual(['Entry Level: $35,780', 'Median Annual Salary: $50,250', 'Experienced: $80,950']);

    await page.getByLabel('Your question').fill('<img src=x onerror="window.__xss=1"><b>hi</b>');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.msg--bot').nth(2).waitFor();
    expect(await page.locator('.msg--me').last().textContent()).toBe('<img src=x onerror="window.__xss=1"><b>hi</b>');
    expect(await page.locator('.msg img, .msg b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await page.getByRole('button', { name: 'How to become one' }).first().click();
    await page.locator('.msg--bot', { hasText: 'GED' }).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'web-chat.png'), fullPage: true });
  }, 60_000);
});
