import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

function run(args: string[], input = '', command = process.execPath, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(command, command === process.execPath ? [CLI, ...args] : args, { input, encoding: 'utf8', cwd: ROOT, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('faqbot CLI', () => {
  it('ask: answers one question as text', () => {
    const r = run(['ask', 'do I need a degree?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No\. Most entry-level roles require a postsecondary certificate/);
  });

  it('ask --json: one JSON object per input line, in order, even for empty lines', () => {
    const r = run(['ask', '--json'], 'salary\n\nhow do I make pasta\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ text: 'salary', intent: 'salary', answer: expect.stringContaining('$50,250') });
    expect(Object.keys(lines[0]).sort()).toEqual(['alternatives', 'answer', 'confidence', 'intent', 'text']);
    expect(lines[1]).toMatchObject({ text: '', intent: 'none' });
    expect(lines[2]).toMatchObject({ intent: 'none' });
    for (const l of lines) {
      expect(l.confidence).toBeGreaterThanOrEqual(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
      for (const a of l.alternatives) expect(Object.keys(a).sort()).toEqual(['confidence', 'intent']);
    }
  });

  it('ask --json: lines of one conversation are answered in its context, even with other conversations between them', () => {
    const input = [
      { text: 'tell me about the CPC', conversation: 'a' },
      { text: "what's the median salary", conversation: 'b' },
      { text: 'who offers it?', conversation: 'a' },
      { text: 'and for beginners?', conversation: 'b' },
      { text: 'start over', conversation: 'a' },
      { text: 'who offers it?', conversation: 'a' },
    ].map((l) => JSON.stringify(l));
    const r = run(['ask', '--json'], `${input.join('\n')}\nwho offers it?\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => [o.conversation, o.intent])).toEqual([
      ['a', 'certs.cpc'],
      ['b', 'salary.median'],
      ['a', 'certs.cpc'],
      ['b', 'salary.entry'],
      ['a', 'chat.restart'],
      ['a', 'certs.cpc'],
      [undefined, 'certs.cpc'],
    ]);
    expect(out[5].answer).toMatch(/^Did you mean/);
    expect(out[6].answer).toMatch(/^Did you mean/);
  });

  it('eval on a dialogue file reports follow-up and standalone accuracy and each miss', () => {
    const r = run(['eval', join(ROOT, 'tests', 'fixtures', 'dialogues.jsonl'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ dialogues: 30, followUps: 56, standalone: 50 });
    for (const m of report.misses) expect(Object.keys(m)).toEqual(expect.arrayContaining(['dialogue', 'turn', 'text', 'expected', 'predicted']));
  });

  it('chat keeps the conversation: a follow-up is answered in context', () => {
    const r = run(['chat'], 'tell me about the CPC\nwho offers it?\nquit\n');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Did you mean');
    expect(r.stdout.match(/offered by AAPC/g)).toHaveLength(2);
  });

  it('ask --json: hostile lines (control characters, markup, huge lines) each still get their JSON line', () => {
    const lines = ['<script>alert(1)</script>', '\u0007\u0000 sal\u200Bary', `what is the salary ${'pay '.repeat(30_000)}`, "'; DROP TABLE x; --", '🤔💰'];
    const r = run(['ask', '--json'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    expect(out[2].intent).toBe('salary');
  });

  it('npm run --silent ask -- --json prints nothing but the JSON lines', () => {
    const r = run(['run', '--silent', 'ask', '--', '--json'], 'cpc\n', 'npm');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ intent: 'certs.cpc' });
  });

  it('chat: answers each line until "quit"', () => {
    const r = run(['chat'], 'what is the median salary\nquit\nsalary\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ask about this career');
    expect(r.stdout.match(/\$50,250/g)).toHaveLength(1);
  });

  it('check: validates and summarises the knowledge base', () => {
    const r = run(['check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ facts, \d+ intents, \d+ utterances, \d+ fallback examples/);
  });

  it('check: a problem of fidelity fails the command (exit 1), with the problem named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-check-'));
    for (const d of ['knowledge', 'intents']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
    // An answer that types a fact's text instead of referencing it.
    const file = join(dir, 'intents', 'training.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('answer: |\n', 'answer: |\n      Medical Records Clerk.\n'));
    const r = run(['check'], '', process.execPath, { ...process.env, KNOWLEDGE_DIR: join(dir, 'knowledge'), INTENTS_DIR: join(dir, 'intents') });
    expect(r.stdout).toContain('types "medical records clerk"');
    expect(r.code).toBe(1);
  });

  it('check: warns about facts older than --max-age days', () => {
    const r = run(['check', '--max-age', '0']);
    expect(r.stdout).toMatch(/warning: fact "salary\.entry" was last checked \d{4}-\d{2}-\d{2}, more than 0 days ago/);
  });

  it('a broken knowledge base refuses to start with the file and path named', () => {
    const env = { ...process.env, INTENTS_DIR: join(ROOT, 'tests', 'fixtures', 'kb', 'broken', 'unknown-fact') };
    const r = run(['ask', 'salary'], '', process.execPath, env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/topics\.yaml: intents\[0\]\.answer: unknown fact "pay\.middle"/);
  });

  it('eval: prints accuracy, recall, false fallbacks and misses', () => {
    const r = run(['eval', join(ROOT, 'tests', 'fixtures', 'eval-small.jsonl')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('in-scope accuracy: 1.000');
    expect(r.stdout).toContain('out-of-scope recall: 1.000');
    expect(r.stdout).toContain('false fallbacks: 0');
  });

  it('an unknown command prints the usage and exits 2', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });
});

describe('faqbot CLI on a training corpus', () => {
  const corpus = join(ROOT, '..', 'shared', 'eval', 'nlu-corpora', 'webapps.train.json');
  it.runIf(existsSync(corpus))('ask --json --train builds the engine from the training file alone', () => {
    const r = run(['ask', '--json', '--train', corpus], 'how do I delete my facebook account\n');
    expect(JSON.parse(r.stdout)).toMatchObject({ intent: 'Delete Account', answer: 'Delete Account' });
  });
});

describe('faqbot report', () => {
  it('summarises the question store in DATA_DIR, as text and as JSON', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { SqliteStore } = await import('../../src/store/sqlite.js');
    const dir = mkdtempSync(join(tmpdir(), 'faqbot-report-'));
    const store = new SqliteStore(join(dir, 'faqbot.db'));
    const id = await store.record({ at: Date.now() - 3_600_000, channel: 'web', userKey: 'k', question: 'what is the salary', intent: 'salary', confidence: 0.9, outcome: 'answer' });
    await store.setFeedback(id, true, 'k');
    await store.record({ at: Date.now() - 7_200_000, channel: 'slack', userKey: 'k2', question: 'how much is the rhit exam fee', intent: 'none', confidence: 0.3, outcome: 'fallback' });
    await store.close();
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
    const text = run(['report', '--days', '7'], '', process.execPath, env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Answer rate: 50%   Helpful rate: 100%');
    expect(text.stdout).toContain('"how much is the rhit exam fee" [unanswered]  closest: RHIT');
    const json = JSON.parse(run(['report', '--json'], '', process.execPath, env).stdout);
    expect(json).toMatchObject({ questions: 2, answered: 1, fellBack: 1, helpfulRate: 1 });
  });
});
