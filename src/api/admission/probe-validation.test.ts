import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { builtinStrategies } from './index.ts';
import { container, lines, pod } from './test-objects.ts';

const strategy = builtinStrategies.pods!;

function create(obj: KubeObject): string[] {
  strategy.defaults!(obj);
  return lines(strategy.validateCreate!(obj));
}

const withProbe = (probe: Record<string, unknown>, kind = 'livenessProbe') => pod({ containers: [container({ [kind]: probe })] });

// Messages as kube-apiserver's validateProbe / validateHandler print them.
describe('pod probe validation', () => {
  const cases: Array<[string, KubeObject, string[]]> = [
    ['accepts an httpGet probe on a named port', withProbe({ httpGet: { path: '/healthz', port: 'http' } }), []],
    ['accepts a tcpSocket readiness probe', withProbe({ tcpSocket: { port: 5432 }, successThreshold: 3 }, 'readinessProbe'), []],
    ['rejects a probe on port 0', withProbe({ httpGet: { path: '/', port: 0 } }), ['spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['rejects a probe on port 70000', withProbe({ tcpSocket: { port: 70000 } }, 'readinessProbe'), ['spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['rejects a malformed port name', withProbe({ tcpSocket: { port: 'not_a_port' } }), ['spec.containers[0].livenessProbe.tcpSocket.port: Invalid value: "not_a_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['rejects a probe with two handlers, naming the second', withProbe({ exec: { command: ['true'] }, tcpSocket: { port: 80 } }), ['spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type']],
    ['rejects a probe without a handler', withProbe({ periodSeconds: 5 }, 'startupProbe'), ['spec.containers[0].startupProbe: Required value: must specify a handler type']],
    ['rejects an exec probe without a command', withProbe({ exec: {} }), ['spec.containers[0].livenessProbe.exec.command: Required value']],
    ['rejects a negative initial delay', withProbe({ exec: { command: ['true'] }, initialDelaySeconds: -1 }), ['spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0']],
    ['rejects a liveness successThreshold other than 1', withProbe({ exec: { command: ['true'] }, successThreshold: 2 }), ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
    ['rejects an unknown httpGet scheme', withProbe({ httpGet: { path: '/', port: 80, scheme: 'FTP' } }), ['spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"']],
    [
      'rejects a duplicate volume name',
      pod({ volumes: [{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }] }),
      ['spec.volumes[1].name: Duplicate value: "data"'],
    ],
  ];
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(create(obj)).toEqual(expected);
  });
});
