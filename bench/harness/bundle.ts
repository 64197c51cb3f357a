import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Whether bin/skiff.mjs will run the esbuild bundle (fresh) or fall back to compiling the
 * sources through tsx (stale or missing), with the same test the bin makes. Start-up time and
 * idle memory differ by several times between the two, so the figures must say which ran.
 */
export function bundleState(): 'fresh' | 'stale' | 'missing' {
  let builtAt: number;
  try {
    builtAt = statSync(join(ROOT, 'dist', 'skiff.mjs')).mtimeMs;
  } catch {
    return 'missing';
  }
  try {
    const inputs: string[] = JSON.parse(readFileSync(join(ROOT, 'dist', 'skiff.inputs.json'), 'utf8'));
    return inputs.every((input) => statSync(join(ROOT, input)).mtimeMs <= builtAt) ? 'fresh' : 'stale';
  } catch {
    return 'stale';
  }
}

/**
 * Builds the bundle when it is not fresh, as `npm install` (prepare) does for users, so the
 * start-up figures measure what users run. Returns the state the benchmark then runs with.
 */
export function ensureBundle(log: (line: string) => void = console.log): 'fresh' | 'stale' | 'missing' {
  const before = bundleState();
  if (before === 'fresh') return before;
  log(`  bundle ${before}: running scripts/build.mjs first`);
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  } catch (err) {
    log(`  build failed, the bin will run the sources through tsx: ${String((err as { stderr?: Buffer }).stderr ?? err).split('\n')[0]}`);
  }
  return bundleState();
}
