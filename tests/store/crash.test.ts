import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import { FIXTURES } from '../helpers.js';

describe('no data lost', () => {
  it('a process killed (SIGKILL) while it records loses no row it had committed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faqbot-crash-')), 'faqbot.db');
    const child = spawn(process.execPath, [join(FIXTURES, 'record-forever.mjs'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const committed: string[] = [];
    let partial = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop()!;
        committed.push(...lines.filter(Boolean));
        if (committed.length >= 300 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const store = new SqliteStore(file);
    const kept = new Set((await store.since(0)).map((r) => r.id));
    await store.close();
    expect(committed.length).toBeGreaterThanOrEqual(300);
    expect(committed.filter((id) => !kept.has(id))).toEqual([]);
  }, 30_000);
});
