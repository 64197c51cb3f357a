// Bundles cmd/skiff.ts into dist/skiff.mjs so `skiff` starts without compiling TypeScript
// (bin/skiff.mjs runs the bundle when it is fresh). Dependencies stay external
// (`packages: 'external'`): @libsql's native addons cannot be bundled, and the others load
// from node_modules as they would under tsx.
//
// `npm run build` fails on a build error. As the `prepare` script it only warns and removes
// any stale bundle instead: an install must not fail over an optimisation, and bin/skiff.mjs
// falls back to running the sources through tsx when there is no bundle.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'skiff.mjs');
// The sources the bundle was made from, so bin/skiff.mjs can tell a stale bundle.
const inputsFile = join(root, 'dist', 'skiff.inputs.json');
const forgiving = process.env.npm_lifecycle_event === 'prepare';

/**
 * Sources that find files next to themselves (`createRequire(import.meta.url)` loading
 * generated JSON) would look beside dist/skiff.mjs once bundled. Rewriting each such
 * `import.meta.url` to the source file's own URL, relative to the bundle, keeps those
 * lookups pointing into the source tree that ships with the bundle.
 */
const keepSourceLocations = {
  name: 'keep-source-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(dirname(outfile), args.path).split(sep).join('/');
      const ownUrl = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', ownUrl), loader: 'ts' };
    });
  },
};

try {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cmd/skiff.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: forgiving ? 'silent' : 'warning',
    plugins: [keepSourceLocations],
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((input) => relative(root, join(root, input)))
    .filter((input) => !input.startsWith('node_modules'));
  await writeFile(inputsFile, JSON.stringify(inputs, null, 1) + '\n');
  console.log(`built ${relative(root, outfile)} from ${inputs.length} source files`);
} catch (error) {
  await rm(outfile, { force: true });
  await rm(inputsFile, { force: true });
  const message = error instanceof Error ? error.message : String(error);
  if (!forgiving) {
    console.error(`build failed: ${message}`);
    process.exit(1);
  }
  const first = error?.errors?.[0];
  const reason = first ? `${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}` : message.split('\n')[0];
  console.warn(`skiff: no bundle built (${reason}); bin/skiff.mjs will run the sources through tsx`);
}
