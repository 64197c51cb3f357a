#!/usr/bin/env node
// The npm bin. Start-up time matters (cold start to /readyz within a second), so it runs the
// esbuild bundle dist/skiff.mjs when that bundle is at least as new as every source it was
// built from; otherwise (a fresh checkout, an edited source, SKIFF_FROM_SOURCE=1) it runs
// cmd/skiff.ts itself: natively on Bun and Deno, through tsx's loader on Node.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'skiff.mjs');

function freshBundle() {
  if (process.env.SKIFF_FROM_SOURCE) return false;
  try {
    const builtAt = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, 'dist', 'skiff.inputs.json'), 'utf8'));
    // One stat per source (a few hundred, about a millisecond): a removed or newer source means stale.
    return inputs.every((input) => statSync(join(root, input)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

if (freshBundle()) {
  await import(pathToFileURL(bundle).href);
} else {
  if (!process.versions.bun && !process.versions.deno) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  await import(pathToFileURL(join(root, 'cmd', 'skiff.ts')).href);
}
