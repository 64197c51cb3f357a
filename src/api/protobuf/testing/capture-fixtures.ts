/**
 * Refreshes testdata/: runs each command of KUBECTL_COMMANDS with kubectl 1.32 and 1.33
 * against the capture server and saves the protobuf body it sent, plus the object
 * `--dry-run=client -o json` prints for it (or the stated object when there is no dry-run).
 *
 *   npx tsx src/api/protobuf/testing/capture-fixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCaptureServer } from './kubectl-capture-server.ts';
import { dryRunArgs, EXPECTED_WITHOUT_DRY_RUN, KUBECTL_COMMANDS, withoutNullCreationTimestamps } from './kubectl-commands.ts';
import { KUBECTL_BINARIES, runKubectl } from './run-kubectl.ts';

const testdata = join(import.meta.dirname, '..', 'testdata');

async function main(): Promise<void> {
  const server = await startCaptureServer();
  try {
    for (const [version, binary] of Object.entries(KUBECTL_BINARIES)) {
      const dir = join(testdata, `kubectl-${version}`);
      mkdirSync(dir, { recursive: true });
      for (const command of KUBECTL_COMMANDS) {
        const before = server.requests.length;
        await runKubectl(binary, server, command.args);
        const body = server.requests.slice(before).find((r) => r.method === 'POST');
        if (!body) throw new Error(`kubectl ${version} ${command.name} sent no body`);
        writeFileSync(join(dir, `${command.name}.pb`), body.body);
        const expected = command.dryRun
          ? withoutNullCreationTimestamps(
              JSON.parse(await runKubectl(binary, server, dryRunArgs(command.args))),
            )
          : EXPECTED_WITHOUT_DRY_RUN[command.name];
        writeFileSync(join(dir, `${command.name}.json`), `${JSON.stringify(expected, null, 2)}\n`);
      }
    }
  } finally {
    await server.close();
  }
}

await main();
