import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from './decode.ts';
import { KUBECTL_COMMANDS } from './testing/kubectl-commands.ts';

// Bodies captured from the real kubectl 1.32 and 1.33 (testing/capture-fixtures.ts), and
// the object each prints for the same command with --dry-run=client -o json.
const testdata = join(import.meta.dirname, 'testdata');
const cases = ['1.32', '1.33'].flatMap((version) =>
  KUBECTL_COMMANDS.map((command) => ({ version, name: command.name, args: command.args.join(' ') })),
);

describe('decodeKubernetesProtobuf on bodies captured from kubectl', () => {
  it.each(cases)('decodes kubectl $version `$args` into the object kubectl prints for it', ({ version, name }) => {
    const body = new Uint8Array(readFileSync(join(testdata, `kubectl-${version}`, `${name}.pb`)));
    const expected = JSON.parse(readFileSync(join(testdata, `kubectl-${version}`, `${name}.json`), 'utf8'));
    const decoded = decodeKubernetesProtobuf(body);
    expect(decoded.object).toEqual(expected);
    expect(decoded.kind).toBe(expected.kind);
    expect(decoded.apiVersion).toBe(expected.apiVersion);
  });
});
