import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printFigures, type Figure } from './figures.ts';

/**
 * Lets each bench/*.ts run on its own (`node --import tsx bench/list-5000.ts`) while
 * bench/run.ts imports the same module without running it twice.
 *
 * @example
 * await runIfMain(import.meta.url, 'LIST of 5,000 pods', () => list5000Benchmark());
 */
export async function runIfMain(moduleUrl: string, title: string, benchmark: () => Promise<Figure[]>): Promise<void> {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(resolve(entry)).href !== moduleUrl) return;
  console.log(`# ${title}`);
  try {
    printFigures(await benchmark());
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  }
}
