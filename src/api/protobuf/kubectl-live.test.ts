import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, PROTOBUF_MEDIA_TYPE } from './decode.ts';
import { type CaptureServer, startCaptureServer } from './testing/kubectl-capture-server.ts';
import {
  dryRunArgs,
  EXPECTED_WITHOUT_DRY_RUN,
  KUBECTL_COMMANDS,
  withoutNullCreationTimestamps,
} from './testing/kubectl-commands.ts';
import { KUBECTL_BINARIES, runKubectl } from './testing/run-kubectl.ts';

// Drives the real kubectl binaries of this machine (NOTES.md) against a recording HTTPS
// server: what they send must be protobuf, and must decode into what they print for the
// same command with --dry-run=client -o json.
const cases = Object.entries(KUBECTL_BINARIES).flatMap(([version, binary]) =>
  KUBECTL_COMMANDS.map((command) => ({ version, binary, command, args: command.args.join(' ') })),
);

describe('decodeKubernetesProtobuf with the real kubectl', () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(cases)('decodes what kubectl $version sends for `$args`', async ({ binary, command }) => {
    const before = server.requests.length;
    await runKubectl(binary, server, command.args);
    const sent = server.requests.slice(before).find((request) => request.method === 'POST');
    expect(sent?.contentType).toBe(PROTOBUF_MEDIA_TYPE);
    const expected = command.dryRun
      ? withoutNullCreationTimestamps(JSON.parse(await runKubectl(binary, server, dryRunArgs(command.args))))
      : EXPECTED_WITHOUT_DRY_RUN[command.name];
    expect(decodeKubernetesProtobuf(sent!.body).object).toEqual(expected);
  });
});
