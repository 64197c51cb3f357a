import { resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness/server.ts';
import { clientTools, requireTool, stopWithin } from './tools.ts';

// The official Python client (Debian's python3-kubernetes 22.6, generated from the 1.22 OpenAPI)
// runs one script against a fresh server; each test below checks one part of what it observed.
let server: RunningServer;
let seen: Record<string, any>;

beforeAll(async () => {
  server = await startServer();
  const python = await requireTool(clientTools.python3);
  const script = resolve(import.meta.dirname, 'python/client_roundtrip.py');
  const run = await execa(python, [script, server.kubeconfig], { reject: false, timeout: 60_000 });
  if (run.exitCode !== 0) throw new Error(`python client script failed (${run.exitCode}):\n${run.stderr}`);
  seen = JSON.parse(String(run.stdout));
});
afterAll(async () => {
  await stopWithin(server);
  await server?.cleanup();
});

describe('the official Python client', () => {
  it('loads the kubeconfig Skiff wrote and lists the system namespaces', () => {
    expect(seen.namespaces).toEqual(expect.arrayContaining(['default', 'kube-node-lease', 'kube-public', 'kube-system']));
  });

  it('creates, reads and strategic-merge-patches a ConfigMap', () => {
    expect(seen.cm_created.name).toBe('py-cm');
    expect(seen.cm_created.rv).toMatch(/^\d+$/);
    expect(seen.cm_created.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.cm_read).toEqual({ a: '1' });
    expect(seen.cm_patched).toEqual({ a: '1', b: '2' });
    expect(seen.cm_listed).toEqual(['py-cm']);
  });

  it('streams the existing objects as ADDED events on a watch bounded by timeoutSeconds', () => {
    expect(seen.watch_events).toEqual([{ type: 'ADDED', name: 'py-cm' }]);
  });

  it('gets a Status back from a ConfigMap delete and a 404 ApiException when reading it again', () => {
    // As the registry's finalizeDelete: objects without graceful deletion answer with a Success Status.
    expect(seen.cm_deleted_kind).toBe('V1Status');
    expect(seen.cm_404).toEqual({ status: 404, reason: 'NotFound', message: 'configmaps "py-cm" not found' });
  });

  it('creates a Deployment from a dict, defaults it and bumps the generation on a spec patch', () => {
    expect(seen.dep_created).toEqual({ strategy: 'RollingUpdate', generation: 1 });
    expect(seen.dep_patched).toEqual({ replicas: 3, generation: 2 });
    expect(seen.dep_scale).toBe(3);
    expect(seen.dep_replaced_image).toBe('nginx:1.26');
  });

  it('raises a 409 Conflict ApiException when replacing with a stale resourceVersion', () => {
    expect(seen.dep_stale_update).toMatchObject({ status: 409, reason: 'Conflict' });
    expect(seen.dep_stale_update.message).toContain('the object has been modified');
  });

  it('raises a 404 ApiException when deleting a Deployment that is gone', () => {
    expect(seen.dep_404).toEqual({ status: 404, reason: 'NotFound', message: 'deployments.apps "py-dep" not found' });
  });

  it('lists nothing, without an error, in a namespace that does not exist', () => {
    expect(seen.missing_ns_list).toEqual([]);
  });
});
