import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LibsqlRevisionLog } from './libsql-revision-log.ts';

const root = mkdtempSync(join(tmpdir(), 'skiff-durability-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const writer = fileURLToPath(new URL('./testdata/acknowledging-writer.ts', import.meta.url));

/** Runs the writer until it acknowledged `count` writes, then kills it with SIGKILL. */
function acknowledgedBeforeKill(url: string, count: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Map<string, number>();
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [key, revision] = line.split(' ');
        acked.set(key, Number(revision));
      }
      if (acked.size >= count) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`the writer exited before it was killed: ${stderr}`));
    });
  });
}

describe('LibsqlRevisionLog durability', () => {
  it('keeps every acknowledged write after the process is killed with SIGKILL', async () => {
    const url = `file:${join(root, 'state.db')}`;
    const acked = await acknowledgedBeforeKill(url, 500);
    const log = new LibsqlRevisionLog({ url });
    await log.start();
    try {
      const stored = new Map((await log.list('/acked/')).items.map((kv) => [kv.key, kv.modRevision]));
      for (const [key, revision] of acked) expect(stored.get(key), key).toBe(revision);
      // Writes after the restart continue above everything the killed process handed out.
      expect((await log.create('/after', 'v')).modRevision).toBeGreaterThan(Math.max(...acked.values()));
    } finally {
      await log.close();
    }
  });
});
