import { describe, expect, it } from 'vitest';
import { ResourceClient, type KubeObject } from '../../client/index.ts';
import { FakeTransport, jsonResponse } from '../../client/fake-transport.ts';
import { claimObjects } from './claim-objects.ts';

const owner: KubeObject = { metadata: { name: 'web', namespace: 'ns', uid: 'rs-uid' } };
const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true, blockOwnerDeletion: true };
const pod = (name: string, app: string, owned: boolean): KubeObject => ({ metadata: { name, namespace: 'ns', resourceVersion: '1', labels: { app }, ownerReferences: owned ? [ref] : undefined } });

function setUp(ownerUid = 'rs-uid') {
  const transport = new FakeTransport(async (req) => {
    if (req.method === 'PATCH') {
      const name = req.path.split('/').at(-1)!;
      const body = req.body as { metadata: { ownerReferences: unknown } };
      return jsonResponse({ metadata: { name, namespace: 'ns', ownerReferences: body.metadata.ownerReferences } });
    }
    return jsonResponse({ metadata: { name: 'web', namespace: 'ns', uid: ownerUid } });
  });
  const client = new ResourceClient<KubeObject>({ transport, type: { group: '', version: 'v1', resource: 'pods', namespaced: true } });
  return { transport, client };
}

describe('claimObjects()', () => {
  it('keeps, adopts and releases, answering what the owner now owns', async () => {
    const { transport, client } = setUp();
    const owned = await claimObjects({
      owner,
      ref,
      candidates: [pod('kept', 'web', true), pod('orphan', 'web', false), pod('moved', 'other', true), pod('stranger', 'other', false)],
      matches: (p) => p.metadata.labels?.app === 'web',
      client,
      readOwner: () => client.get({ namespace: 'ns', name: 'web' }),
    });
    expect(owned.map((p) => p.metadata.name).sort()).toEqual(['kept', 'orphan']);
    const patched = transport.requests.filter((r) => r.method === 'PATCH').map((r) => r.path.split('/').at(-1)).sort();
    expect(patched).toEqual(['moved', 'orphan']);
  });

  it('refuses to adopt when a fresh read shows another owner of the same name', async () => {
    const { client } = setUp('a-new-uid');
    await expect(
      claimObjects({ owner, ref, candidates: [pod('orphan', 'web', false)], matches: () => true, client, readOwner: () => client.get({ namespace: 'ns', name: 'web' }) }),
    ).rejects.toThrow(/is gone/);
  });
});
