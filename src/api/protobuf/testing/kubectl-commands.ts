/**
 * Test-only: the kubectl commands whose protobuf bodies the tests capture, each with a
 * file-friendly name. `dryRun` says whether `--dry-run=client -o json` prints the same
 * object (reviews and token requests have no dry-run; their tests state the object).
 */
export interface KubectlCommand {
  name: string;
  args: string[];
  dryRun: boolean;
}

const create = (name: string, ...args: string[]): KubectlCommand => ({ name, args: ['create', ...args], dryRun: true });

export const KUBECTL_COMMANDS: KubectlCommand[] = [
  create('configmap', 'configmap', 'x', '--from-literal', 'a=b'),
  create('secret', 'secret', 'generic', 's', '--from-literal', 'k=v'),
  create('deployment', 'deployment', 'd', '--image', 'nginx', '--replicas', '2', '--port', '80'),
  create('job', 'job', 'j', '--image', 'busybox', '--', 'echo', 'hi'),
  create('cronjob', 'cronjob', 'cj', '--image', 'busybox', '--schedule', '*/5 * * * *'),
  create('service', 'service', 'clusterip', 'svc', '--tcp', '80:8080'),
  create('namespace', 'namespace', 'ns1'),
  create('serviceaccount', 'sa', 'sa1'),
  create('role', 'role', 'r', '--verb', 'get', '--verb', 'list', '--resource', 'pods'),
  create('rolebinding', 'rolebinding', 'rb', '--role', 'r', '--user', 'u', '--serviceaccount', 'default:sa1'),
  create('clusterrole', 'clusterrole', 'cr', '--verb', 'get', '--resource', 'nodes', '--non-resource-url', '/healthz'),
  create('clusterrolebinding', 'clusterrolebinding', 'crb', '--clusterrole', 'cr', '--group', 'g1'),
  create('quota', 'quota', 'q', '--hard', 'pods=2,cpu=1,memory=1Gi'),
  create('pdb', 'pdb', 'p', '--selector', 'app=x', '--min-available', '50%'),
  create('priorityclass', 'priorityclass', 'pc', '--value', '1000', '--description', 'high'),
  create('ingress', 'ingress', 'ing', '--rule', 'foo.com/bar*=svc1:8080,tls=cert'),
  { name: 'auth-can-i', args: ['auth', 'can-i', 'create', 'pods'], dryRun: false },
  { name: 'auth-whoami', args: ['auth', 'whoami'], dryRun: false },
  { name: 'create-token', args: ['create', 'token', 'sa1', '--duration', '1h'], dryRun: false },
];

/** The command's arguments with `--dry-run=client -o json`, placed before any `--` (container command). */
export function dryRunArgs(args: string[]): string[] {
  const split = args.includes('--') ? args.indexOf('--') : args.length;
  return [...args.slice(0, split), '--dry-run=client', '-o', 'json', ...args.slice(split)];
}

/** What kubectl sends for the commands without a dry-run, as Go's JSON encoder would print it. */
export const EXPECTED_WITHOUT_DRY_RUN: Record<string, Record<string, unknown>> = {
  'auth-can-i': {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    metadata: {},
    spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } },
    status: { allowed: false },
  },
  'auth-whoami': {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'SelfSubjectReview',
    metadata: {},
    status: { userInfo: {} },
  },
  'create-token': {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    metadata: {},
    spec: { expirationSeconds: 3600 },
    status: { token: '', expirationTimestamp: null },
  },
};

/**
 * kubectl 1.32/1.33 print `creationTimestamp: null` for an unset time; upstream's current
 * ObjectMeta marks it omitzero and the decoder follows that, so comparisons drop it.
 */
export function withoutNullCreationTimestamps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullCreationTimestamps);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'creationTimestamp' && item === null) continue;
    out[key] = withoutNullCreationTimestamps(item);
  }
  return out;
}
