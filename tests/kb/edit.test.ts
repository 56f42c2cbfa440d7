import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addUtterance } from '../../src/kb/edit.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { ROOT } from '../helpers.js';

function copy() {
  const dir = mkdtempSync(join(tmpdir(), 'faqbot-edit-'));
  cpSync(join(ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
  cpSync(join(ROOT, 'intents'), join(dir, 'intents'), { recursive: true });
  return { knowledgeDir: join(dir, 'knowledge'), intentsDir: join(dir, 'intents'), minUtterances: 12 };
}

describe('adding an utterance from advisor triage', () => {
  it('writes the utterance into the intent, keeping the file valid and its comments', () => {
    const dirs = copy();
    const r = addUtterance(dirs, 'certs.cpc', 'how much does the cpc pay off "really"');
    expect(r).toEqual({ ok: true, file: 'intents/certs.yaml' });
    const kb = loadKnowledgeBase(dirs);
    expect(kb.intents.find((i) => i.id === 'certs.cpc')!.utterances).toContain('how much does the cpc pay off "really"');
    expect(readFileSync(join(dirs.intentsDir, 'certs.yaml'), 'utf8')).toContain('# Variants refine the answer');
  });

  it('refuses an utterance another intent already has, and changes nothing', () => {
    const dirs = copy();
    const before = readFileSync(join(dirs.intentsDir, 'salary.yaml'), 'utf8');
    const r = addUtterance(dirs, 'salary', 'what does cpc stand for');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('is also under "certs.cpc"');
    expect(readFileSync(join(dirs.intentsDir, 'salary.yaml'), 'utf8')).toBe(before);
  });

  it('refuses an unknown intent', () => {
    expect(addUtterance(copy(), 'nope.nothing', 'hello')).toEqual({ ok: false, error: 'no intent "nope.nothing" in intents/' });
  });

  it('refuses an id that is not dotted words at once: a pattern such as "certs(?:\\S*\\S*)*!" once froze the process', () => {
    expect(addUtterance(copy(), 'certs(?:\\S*\\S*)*!', 'hello')).toEqual({ ok: false, error: '"certs(?:\\S*\\S*)*!" is not an intent id' });
    expect(addUtterance(copy(), '(', 'hello').ok).toBe(false);
  });
});
