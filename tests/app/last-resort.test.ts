import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('../fixtures/last-resort.mjs', import.meta.url));

describe('the last-resort handlers', () => {
  it('log an unhandled rejection and keep serving; log an uncaught exception and exit 1; never print a session id', () => {
    const r = spawnSync(process.execPath, [fixture], { encoding: 'utf8', timeout: 10_000 });
    expect(r.stdout).toBe('still serving\n');
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { level: string; msg: string; err: { message: string } });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['error', 'unhandled rejection: logged, still serving'],
      ['fatal', 'uncaught exception: exiting so that a supervisor restarts the bot'],
    ]);
    expect(lines[0]!.err.message).toBe('lost promise for user web-[session]');
    expect(r.stderr).not.toContain('AbCdEfGhIjKlMnOpQrStUvWx');
  });
});
