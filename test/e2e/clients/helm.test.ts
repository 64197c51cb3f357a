import { resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { clientTools, requireTool, stopWithin } from './tools.ts';

// Helm 3 (3.17) and Helm 4 (4.1) drive a release of a small local chart through its life cycle.
// Helm keeps each revision in a Secret of type helm.sh/release.v1 labelled owner/name/status/version
// (helm's storage/driver/secrets.go), so those Secrets are checked as well as the chart's objects.
const CHART = resolve(import.meta.dirname, 'charts/skiff-demo');
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await stopWithin(server);
  await server?.cleanup();
});

interface ReleaseSecret {
  metadata: { name: string; labels: Record<string, string> };
  type: string;
}

for (const { major, binary } of [
  { major: 3, binary: clientTools.helm3 },
  { major: 4, binary: clientTools.helm4 },
]) {
  describe(`helm ${major}`, () => {
    const release = `demo${major}`;
    const ns = `helm-${major}`;
    const helm = async (args: string[]) => {
      const r = await execa(await requireTool(binary), [...args, '--namespace', ns], {
        env: { KUBECONFIG: server.kubeconfig, HOME: server.dataDir },
        reject: false,
        timeout: 60_000,
      });
      if (r.exitCode !== 0) throw new Error(`helm ${major} ${args.join(' ')} failed (${r.exitCode}): ${r.stderr}`);
      return String(r.stdout);
    };
    const kubectl = async (args: string[], input?: string) => {
      const r = await server.kubectl([...args, '-n', ns], { input });
      if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${r.stderr}`);
      return r.stdout;
    };
    const releaseSecrets = async () =>
      (JSON.parse(await kubectl(['get', 'secrets', '-l', `owner=helm,name=${release}`, '-o', 'json'])).items as ReleaseSecret[]).sort((a, b) =>
        a.metadata.name.localeCompare(b.metadata.name),
      );

    beforeAll(async () => {
      await kubectl(['apply', '-f', '-'], `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"${ns}"}}`);
    });

    it('installs the chart: its CRD from crds/, a custom resource and the five built-in kinds', async () => {
      expect(await helm(['install', release, CHART])).toMatch(/^STATUS: deployed$/m);
      expect(await kubectl(['get', 'crd', 'widgets.demo.skiff.dev', '-o', 'name'])).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.demo.skiff.dev');
      const names = await kubectl(['get', 'deployment,service,configmap,secret,serviceaccount,widget', '-l', `app.kubernetes.io/instance=${release}`, '-o', 'name']);
      expect(names.split('\n').sort()).toEqual(
        [
          `configmap/${release}-config`,
          `deployment.apps/${release}-web`,
          `secret/${release}-secret`,
          `service/${release}-web`,
          `serviceaccount/${release}-sa`,
          `widget.demo.skiff.dev/${release}-widget`,
        ].sort(),
      );
      expect(await kubectl(['get', 'secret', `${release}-secret`, '-o', 'jsonpath={.data.password}'])).toBe(Buffer.from('s3cret').toString('base64'));
    });

    it('lists the release as deployed at revision 1', async () => {
      const list = JSON.parse(await helm(['list', '-o', 'json']));
      expect(list).toEqual([expect.objectContaining({ name: release, namespace: ns, revision: '1', status: 'deployed', chart: 'skiff-demo-0.1.0' })]);
    });

    it('stores the release in a helm.sh/release.v1 Secret labelled with its name, status and version', async () => {
      const [secret] = await releaseSecrets();
      expect(secret.type).toBe('helm.sh/release.v1');
      expect(secret.metadata.name).toBe(`sh.helm.release.v1.${release}.v1`);
      expect(secret.metadata.labels).toMatchObject({ owner: 'helm', name: release, status: 'deployed', version: '1' });
    });

    it('upgrades with changed values and supersedes revision 1', async () => {
      expect(await helm(['upgrade', release, CHART, '--set', 'replicas=3,greeting=bonjour,widgetSize=large'])).toMatch(/^REVISION: 2$/m);
      expect(await kubectl(['get', 'deployment', `${release}-web`, '-o', 'jsonpath={.spec.replicas}'])).toBe('3');
      expect(await kubectl(['get', 'configmap', `${release}-config`, '-o', 'jsonpath={.data.greeting}'])).toBe('bonjour');
      expect(await kubectl(['get', 'widget', `${release}-widget`, '-o', 'jsonpath={.spec.size}'])).toBe('large');
      expect((await releaseSecrets()).map((s) => `${s.metadata.labels.version}=${s.metadata.labels.status}`)).toEqual(['1=superseded', '2=deployed']);
    });

    it('shows both revisions in the history', async () => {
      const history = JSON.parse(await helm(['history', release, '-o', 'json'])) as { revision: number; status: string; description: string }[];
      expect(history.map((h) => [h.revision, h.status, h.description])).toEqual([
        [1, 'superseded', 'Install complete'],
        [2, 'deployed', 'Upgrade complete'],
      ]);
    });

    it('rolls back to revision 1 as a new revision 3 with the first values', async () => {
      expect(await helm(['rollback', release, '1'])).toContain('Rollback was a success');
      expect(await kubectl(['get', 'deployment', `${release}-web`, '-o', 'jsonpath={.spec.replicas}'])).toBe('1');
      expect(await kubectl(['get', 'configmap', `${release}-config`, '-o', 'jsonpath={.data.greeting}'])).toBe('hello');
      const history = JSON.parse(await helm(['history', release, '-o', 'json'])) as { revision: number; status: string; description: string }[];
      expect(history.at(-1)).toMatchObject({ revision: 3, status: 'deployed', description: 'Rollback to 1' });
    });

    it('uninstalls the chart objects and keeps the history as an uninstalled release', async () => {
      expect(await helm(['uninstall', release, '--keep-history'])).toContain(`release "${release}" uninstalled`);
      expect(await kubectl(['get', 'deployment,service,configmap,serviceaccount,widget', '-l', `app.kubernetes.io/instance=${release}`, '-o', 'name'])).toBe('');
      expect(await kubectl(['get', 'secret', `${release}-secret`, '--ignore-not-found', '-o', 'name'])).toBe('');
      const statuses = (await releaseSecrets()).map((s) => `${s.metadata.labels.version}=${s.metadata.labels.status}`);
      expect(statuses).toEqual(['1=superseded', '2=superseded', '3=uninstalled']);
      // CRDs from crds/ are never deleted by helm, by design.
      expect(await kubectl(['get', 'crd', 'widgets.demo.skiff.dev', '-o', 'name'])).toContain('widgets.demo.skiff.dev');
    });
  });
}
