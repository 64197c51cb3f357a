/**
 * Test-only: a tiny HTTPS server that answers just enough discovery for kubectl to run
 * `create ...`, `auth can-i`, `auth whoami` and `create token`, and records every request
 * body it receives, so tests can decode what the real kubectl sends as protobuf.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeKubernetesProtobuf, PROTOBUF_MEDIA_TYPE } from '../decode.ts';

export interface CapturedRequest {
  method: string;
  path: string;
  contentType: string;
  body: Uint8Array;
}

export interface CaptureServer {
  /** A kubeconfig file pointing at the server, with insecure-skip-tls-verify and a token. */
  kubeconfig: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

type ResourceEntry = [name: string, kind: string, namespaced: boolean];

/** The resources the fake discovery serves, per group version. */
const DISCOVERY: Record<string, ResourceEntry[]> = {
  v1: [
    ['configmaps', 'ConfigMap', true], ['secrets', 'Secret', true], ['namespaces', 'Namespace', false],
    ['serviceaccounts', 'ServiceAccount', true], ['serviceaccounts/token', 'TokenRequest', true],
    ['services', 'Service', true], ['pods', 'Pod', true], ['nodes', 'Node', false],
    ['resourcequotas', 'ResourceQuota', true],
  ],
  'apps/v1': [['deployments', 'Deployment', true], ['replicasets', 'ReplicaSet', true]],
  'batch/v1': [['jobs', 'Job', true], ['cronjobs', 'CronJob', true]],
  'rbac.authorization.k8s.io/v1': [
    ['roles', 'Role', true], ['rolebindings', 'RoleBinding', true],
    ['clusterroles', 'ClusterRole', false], ['clusterrolebindings', 'ClusterRoleBinding', false],
  ],
  'authorization.k8s.io/v1': [['selfsubjectaccessreviews', 'SelfSubjectAccessReview', false]],
  'authentication.k8s.io/v1': [['selfsubjectreviews', 'SelfSubjectReview', false]],
  'policy/v1': [['poddisruptionbudgets', 'PodDisruptionBudget', true]],
  'scheduling.k8s.io/v1': [['priorityclasses', 'PriorityClass', false]],
  'networking.k8s.io/v1': [['ingresses', 'Ingress', true]],
};

function discoveryAnswer(path: string): unknown {
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
  if (path === '/apis') {
    const groups = Object.keys(DISCOVERY).filter((gv) => gv.includes('/'));
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((gv) => {
        const [name, version] = gv.split('/');
        const versionEntry = { groupVersion: gv, version };
        return { name, versions: [versionEntry], preferredVersion: versionEntry };
      }),
    };
  }
  const gv = path === '/api/v1' ? 'v1' : path.replace(/^\/apis\//, '');
  const resources = DISCOVERY[gv];
  if (!resources) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: resources.map(([name, kind, namespaced]) => ({
      name,
      singularName: '',
      namespaced,
      kind,
      verbs: ['create', 'get', 'list', 'delete', 'update', 'patch'],
    })),
  };
}

/** The 201 answer to a write: the decoded object, with the status a review or token request needs. */
function writeAnswer(request: CapturedRequest): unknown {
  let object: Record<string, unknown> = {};
  try {
    object = request.contentType.startsWith(PROTOBUF_MEDIA_TYPE)
      ? decodeKubernetesProtobuf(request.body).object
      : (JSON.parse(new TextDecoder().decode(request.body)) as Record<string, unknown>);
  } catch {
    // Answer something kubectl can print even when the decoder under test fails.
  }
  const metadata = { name: 'captured', namespace: 'default', ...(object.metadata as object), uid: 'u1', resourceVersion: '1' };
  const answer: Record<string, unknown> = { ...object, metadata };
  if (object.kind === 'SelfSubjectAccessReview') answer.status = { allowed: true };
  if (object.kind === 'SelfSubjectReview') answer.status = { userInfo: { username: 'tester', groups: ['g'] } };
  if (object.kind === 'TokenRequest') {
    answer.status = { token: 'captured-token', expirationTimestamp: '2030-01-01T00:00:00Z' };
  }
  return answer;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const dir = mkdtempSync(join(tmpdir(), 'skiff-pb-capture-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  const requests: CapturedRequest[] = [];
  const server: Server = createServer({
    key: readFileSync(join(dir, 'key.pem')),
    cert: readFileSync(join(dir, 'cert.pem')),
  });
  server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      const answer = (code: number, body: unknown) => {
        res.writeHead(code, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET') {
        if (path === '/version') return answer(200, { major: '1', minor: '33', gitVersion: 'v1.33.0' });
        const found = discoveryAnswer(path);
        return found ? answer(200, found) : answer(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 404 });
      }
      const captured: CapturedRequest = {
        method: req.method ?? '',
        path,
        contentType: String(req.headers['content-type'] ?? ''),
        body: new Uint8Array(Buffer.concat(chunks)),
      };
      requests.push(captured);
      return answer(201, writeAnswer(captured));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, [
    'apiVersion: v1', 'kind: Config', 'current-context: capture',
    'clusters:', `- name: capture`, '  cluster:', `    server: https://127.0.0.1:${port}`, '    insecure-skip-tls-verify: true',
    'users:', '- name: capture', '  user:', '    token: capture-token',
    'contexts:', '- name: capture', '  context:', '    cluster: capture', '    user: capture', '    namespace: default',
    '',
  ].join('\n'));
  return {
    kubeconfig,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
