import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_')));

describe('npm start (dist/src/main.js)', () => {
  it('starts with no Slack credentials, serves /healthz, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { ...CLEAN_ENV, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'faqbot-main-')) } });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = out.match(/Health: (http:\/\/\S+)\/healthz/);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses to start on a malformed token, naming the variable and not the secret', () => {
    const r = spawnSync(process.execPath, [MAIN], { cwd: ROOT, encoding: 'utf8', env: { ...CLEAN_ENV, PORT: '0', SLACK_BOT_TOKEN: 'xoxp-very-secret', SLACK_SIGNING_SECRET: 's' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"');
    expect(r.stderr).not.toContain('very-secret');
  });
});
