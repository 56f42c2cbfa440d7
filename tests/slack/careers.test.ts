import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { importCareerPage } from '../../src/kb/import/write.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { FIXTURES, ROOT } from '../helpers.js';
import { SECRET, startSlackHarness, type SlackHarness } from '../support/slack-app.js';
import { formBody, sendSigned } from '../support/signed.js';

let h: SlackHarness;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-slack-careers-'));
  for (const d of ['knowledge', 'intents']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  const dirs = { knowledgeDir: join(dir, 'knowledge'), intentsDir: join(dir, 'intents'), minUtterances: 12 };
  importCareerPage({ page: join(FIXTURES, 'careers', 'pharmacy-technician.txt'), ...dirs, productIntentsDir: join(ROOT, 'intents'), today: '2026-11-26' });
  h = await startSlackHarness({}, { engine: createEngine(loadKnowledgeBase(dirs)) });
});
afterAll(async () => h.close());
beforeEach(() => h.fake.reset());

let n = 0;
async function command(name: string, text: string): Promise<string> {
  const id = `c${++n}`;
  await sendSigned(h.events, formBody({ command: name, text, user_id: 'UCAR', channel_id: 'C1', team_id: 'T1', response_url: h.fake.responseUrl(id), trigger_id: 't' }), 'application/x-www-form-urlencoded', SECRET);
  const [reply] = await h.fake.waitFor(`response_url/${id}`);
  return JSON.stringify(reply!.args);
}

describe('slash commands with several careers', () => {
  it('/salary pharmacy technician answers for that career', async () => {
    const reply = await command('/salary', 'pharmacy technician');
    expect(reply).toContain('$31,240');
    expect(reply).not.toContain('$35,780');
  });

  it('/salary alone asks which career, with a button for each', async () => {
    const reply = await command('/salary', '');
    expect(reply).toContain('Did you mean');
    expect(reply).toContain('"value":"salary"');
    expect(reply).toContain('"value":"pharmacy-technician.salary"');
  });

  it('/salary with text naming no career asks which career; /certs cdt finds the other career\'s item', async () => {
    expect(await command('/salary', 'entry level')).toContain('Did you mean');
    const cdt = await command('/certs', 'cdt');
    expect(cdt).toContain('Certified Dispensing Technician');
    expect(await command('/certs', 'rhit')).toContain('Registered Health Information Technician');
  });

  it('/certs pharmacy tech lists that career\'s certifications', async () => {
    const reply = await command('/certs', 'pharmacy tech');
    expect(reply).toContain('CDT');
    expect(reply).not.toContain('CPC');
  });
});
