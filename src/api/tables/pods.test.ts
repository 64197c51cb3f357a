import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../meta/object.ts';
import { podPrinter } from './pods.ts';

const now = new Date('2024-05-01T12:00:00Z');

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: '2024-05-01T11:55:00Z', ...metadata },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
    status,
  };
}

const running = { running: { startedAt: '2024-05-01T11:55:10Z' } };

function cells(p: KubeObject) {
  const [name, ready, status, restarts, age, ip, node, nominated, gates] = podPrinter.cells(p, now) as string[];
  return { name, ready, status, restarts, age, ip, node, nominated, gates };
}

describe('podPrinter columns', () => {
  it('are upstream names, types and priorities', () => {
    expect(podPrinter.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Ready', 'string', 0],
      ['Status', 'string', 0],
      ['Restarts', 'string', 0],
      ['Age', 'string', 0],
      ['IP', 'string', 1],
      ['Node', 'string', 1],
      ['Nominated Node', 'string', 1],
      ['Readiness Gates', 'string', 1],
    ]);
    expect(podPrinter.columns[0].format).toBe('name');
  });
});

describe('podPrinter STATUS follows upstream printPod', () => {
  const cases: Array<{ name: string; pod: KubeObject; status: string }> = [
    { name: 'a pending pod shows its phase', pod: pod({}, { phase: 'Pending' }), status: 'Pending' },
    {
      name: 'a waiting container shows its reason',
      pod: pod({}, { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }),
      status: 'ContainerCreating',
    },
    {
      name: 'a running ready container shows Running',
      pod: pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }] }),
      status: 'Running',
    },
    {
      name: 'a crash-looping container shows CrashLoopBackOff',
      pod: pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }),
      status: 'CrashLoopBackOff',
    },
    {
      name: 'a finished container shows its terminated reason',
      pod: pod({}, { phase: 'Succeeded', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }),
      status: 'Completed',
    },
    {
      name: 'a terminated container without reason shows its exit code',
      pod: pod({}, { phase: 'Failed', containerStatuses: [{ name: 'app', restartCount: 0, state: { terminated: { exitCode: 3 } } }] }),
      status: 'ExitCode:3',
    },
    {
      name: 'a terminated container killed by a signal shows it',
      pod: pod({}, { phase: 'Failed', containerStatuses: [{ name: 'app', restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }] }),
      status: 'Signal:9',
    },
    {
      name: 'a completed container beside a running one reads Running when the pod is ready',
      pod: pod(
        { containers: [{ name: 'a' }, { name: 'b' }] },
        {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True' }],
          containerStatuses: [
            { name: 'a', ready: true, restartCount: 0, state: running },
            { name: 'b', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          ],
        },
      ),
      status: 'Running',
    },
    {
      name: 'a completed container beside a running one reads NotReady otherwise',
      pod: pod(
        { containers: [{ name: 'a' }, { name: 'b' }] },
        {
          phase: 'Running',
          containerStatuses: [
            { name: 'a', ready: true, restartCount: 0, state: running },
            { name: 'b', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          ],
        },
      ),
      status: 'NotReady',
    },
    {
      name: 'an init container still running shows Init:0/1',
      pod: pod({ initContainers: [{ name: 'init' }] }, { phase: 'Pending', initContainerStatuses: [{ name: 'init', restartCount: 0, state: running }] }),
      status: 'Init:0/1',
    },
    {
      name: 'the second of two init containers shows Init:1/2',
      pod: pod(
        { initContainers: [{ name: 'i1' }, { name: 'i2' }] },
        {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'i1', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
            { name: 'i2', restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
          ],
        },
      ),
      status: 'Init:1/2',
    },
    {
      name: 'a waiting init container shows Init:<reason>',
      pod: pod({ initContainers: [{ name: 'init' }] }, { phase: 'Pending', initContainerStatuses: [{ name: 'init', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }),
      status: 'Init:CrashLoopBackOff',
    },
    {
      name: 'a failed init container shows Init:<reason>',
      pod: pod({ initContainers: [{ name: 'init' }] }, { phase: 'Pending', initContainerStatuses: [{ name: 'init', restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }] }),
      status: 'Init:Error',
    },
    {
      name: 'a failed init container without reason shows Init:ExitCode',
      pod: pod({ initContainers: [{ name: 'init' }] }, { phase: 'Pending', initContainerStatuses: [{ name: 'init', restartCount: 0, state: { terminated: { exitCode: 2 } } }] }),
      status: 'Init:ExitCode:2',
    },
    {
      name: 'a pod being deleted shows Terminating',
      pod: pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }] }, { deletionTimestamp: '2024-05-01T11:59:00Z' }),
      status: 'Terminating',
    },
    {
      name: 'a finished pod being deleted keeps its status',
      pod: pod({}, { phase: 'Succeeded', containerStatuses: [{ name: 'app', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, { deletionTimestamp: '2024-05-01T11:59:00Z' }),
      status: 'Completed',
    },
    {
      name: 'a pod on a lost node being deleted shows Unknown',
      pod: pod({}, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: '2024-05-01T11:59:00Z' }),
      status: 'Unknown',
    },
    {
      name: 'a pod held by scheduling gates shows SchedulingGated',
      pod: pod({}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
      status: 'SchedulingGated',
    },
    { name: 'an evicted pod shows the status reason', pod: pod({}, { phase: 'Failed', reason: 'Evicted' }), status: 'Evicted' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(cells(c.pod).status).toBe(c.status));
  }
});

describe('podPrinter READY and RESTARTS', () => {
  it('counts ready running containers over all containers', () => {
    const p = pod(
      { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'a', ready: true, restartCount: 0, state: running },
          { name: 'b', ready: false, restartCount: 0, state: running },
          { name: 'c', ready: true, restartCount: 0, state: running },
        ],
      },
    );
    expect(cells(p).ready).toBe('2/3');
  });

  it('counts started sidecar init containers as containers', () => {
    const p = pod(
      { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] },
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [{ name: 'proxy', ready: true, started: true, restartCount: 1, state: running }],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }],
      },
    );
    expect(cells(p).ready).toBe('2/2');
    expect(cells(p).restarts).toBe('1');
  });

  it('shows zero ready before any status arrives', () => expect(cells(pod({}, { phase: 'Pending' })).ready).toBe('0/1'));

  it('adds the time since the last restart', () => {
    const p = pod({}, {
      phase: 'Running',
      containerStatuses: [
        { name: 'app', ready: true, restartCount: 3, state: running, lastState: { terminated: { exitCode: 1, finishedAt: '2024-05-01T11:55:00Z' } } },
      ],
    });
    expect(cells(p).restarts).toBe('3 (5m ago)');
  });

  it('prints a bare count when no termination time is known', () => {
    const p = pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 2, state: running }] });
    expect(cells(p).restarts).toBe('2');
  });
});

describe('podPrinter wide cells', () => {
  it('show <none> for what is not known yet', () => {
    const c = cells(pod({}, { phase: 'Pending' }));
    expect([c.name, c.age, c.ip, c.node, c.nominated, c.gates]).toEqual(['web', '5m', '<none>', '<none>', '<none>', '<none>']);
  });

  it('show the first pod IP, the node and readiness gates satisfied', () => {
    const c = cells(
      pod(
        { nodeName: 'n1', readinessGates: [{ conditionType: 'example.com/ready' }, { conditionType: 'example.com/other' }] },
        { phase: 'Running', podIPs: [{ ip: '10.42.0.5' }, { ip: 'fd00::5' }], conditions: [{ type: 'example.com/ready', status: 'True' }] },
      ),
    );
    expect([c.ip, c.node, c.gates]).toEqual(['10.42.0.5', 'n1', '1/2']);
  });
});
