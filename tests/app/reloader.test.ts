import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createReloader, type Reloader } from '../../src/app/reloader.js';
import { createLogger } from '../../src/log/logger.js';
import { decisionText } from '../../src/render/plain-text.js';
import { ROOT } from '../helpers.js';

let dir = '';
let reloader: Reloader | undefined;
afterEach(() => {
  reloader?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('hot reload of the knowledge base', () => {
  it('an edit under knowledge/ is served within seconds; a broken edit is refused and the last good version keeps serving', async () => {
    dir = mkdtempSync(join(tmpdir(), 'faqbot-kb-'));
    cpSync(join(ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
    cpSync(join(ROOT, 'intents'), join(dir, 'intents'), { recursive: true });
    const logs: string[] = [];
    const sink = new Writable({ write: (c, _e, done) => (logs.push(String(c)), done()) });
    reloader = createReloader({ knowledgeDir: join(dir, 'knowledge'), intentsDir: join(dir, 'intents') }, createLogger('info', sink), { debounceMs: 50 });
    const salary = () => decisionText(reloader!.engine().decide('what is the median salary'));
    expect(salary()).toContain('$50,250');

    const file = join(dir, 'knowledge', 'medical-records-specialist.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 50250', 'value: 51000'));
    await until(() => salary().includes('$51,000'));

    writeFileSync(join(dir, 'intents', 'salary.yaml'), readFileSync(join(dir, 'intents', 'salary.yaml'), 'utf8').replace('{{salary.median}}', '{{salary.middle}}'));
    await until(() => logs.join('').includes('knowledge base edit refused'));
    expect(logs.join('')).toContain('intents/salary.yaml: intents[0]');
    expect(logs.join('')).toContain('unknown fact \\"salary.middle\\"');
    expect(salary()).toContain('$51,000');
  });
});
