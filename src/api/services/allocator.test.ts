import { describe, expect, it } from 'vitest';
import { ServiceAllocator, allocationStateOf } from './allocator.ts';

const fixed = () => 0; // deterministic starting offsets
const allocator = () => new ServiceAllocator({ serviceCidr: '10.43.0.0/16', nodePorts: { min: 30000, max: 30002 }, random: fixed });
const empty = () => ({ clusterIps: new Set<string>(), nodePorts: new Set<string>() });

describe('ServiceAllocator', () => {
  it('reserves the first address of the range for the kubernetes Service', () => {
    expect(allocator().kubernetesIp).toBe('10.43.0.1');
  });

  it('allocates a free cluster IP that is neither the network address nor the kubernetes Service address', () => {
    const spec: { clusterIP?: string; clusterIPs?: string[] } = {};
    const { causes } = allocator().allocate(spec, undefined, empty());
    expect(causes).toEqual([]);
    expect(spec.clusterIP).toBe('10.43.0.2');
    expect(spec.clusterIPs).toEqual(['10.43.0.2']);
  });

  it('never hands one address to two creates in flight at once', () => {
    const a = allocator();
    const s1: { clusterIP?: string } = {};
    const s2: { clusterIP?: string } = {};
    a.allocate(s1, undefined, empty());
    a.allocate(s2, undefined, empty());
    expect(s1.clusterIP).not.toBe(s2.clusterIP);
  });

  it('honours a requested free IP and refuses a taken or out-of-range one naming spec.clusterIPs', () => {
    const state = empty();
    state.clusterIps.add('10.43.0.9');
    const ok = allocator().allocate({ clusterIP: '10.43.0.10' }, undefined, state);
    expect(ok.causes).toEqual([]);
    const taken = allocator().allocate({ clusterIP: '10.43.0.9' }, undefined, state);
    expect(taken.causes[0]).toMatchObject({ field: 'spec.clusterIPs', message: expect.stringContaining('provided IP is already allocated') });
    const outside = allocator().allocate({ clusterIP: '192.168.0.1' }, undefined, state);
    expect(outside.causes[0].message).toContain('is not in the valid range');
  });

  it('keeps the old cluster IP on update when the client leaves it out', () => {
    const spec: { clusterIP?: string } = {};
    allocator().allocate(spec, { clusterIP: '10.43.7.7' }, empty());
    expect(spec.clusterIP).toBe('10.43.7.7');
  });

  it('allocates no IP for headless and ExternalName services', () => {
    const headless = { clusterIP: 'None' };
    expect(allocator().allocate(headless, undefined, empty()).causes).toEqual([]);
    expect(headless.clusterIP).toBe('None');
    const external: { type: string; clusterIP?: string } = { type: 'ExternalName' };
    allocator().allocate(external, undefined, empty());
    expect(external.clusterIP).toBeUndefined();
  });

  it('allocates node ports for NodePort services, keeps them on update, and reports a full range', () => {
    const a = allocator();
    const spec = { type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] as { port: number; nodePort?: number }[] };
    a.allocate(spec, undefined, empty());
    expect(spec.ports.map((p) => p.nodePort)).toEqual([30000, 30001]);
    const update = { type: 'NodePort', ports: [{ port: 80 }] as { port: number; nodePort?: number }[] };
    a.allocate(update, spec, allocationStateOf([{ metadata: {}, spec }]));
    expect(update.ports[0].nodePort).toBe(30000);
    const state = empty();
    for (const p of [30000, 30001, 30002]) state.nodePorts.add(`${p}/TCP`);
    const full = allocator().allocate({ type: 'NodePort', ports: [{ port: 1 }] }, undefined, state);
    expect(full.causes[0].field).toBe('spec.ports[0].nodePort');
  });

  it('refuses a node port another service holds', () => {
    const state = empty();
    state.nodePorts.add('30001/TCP');
    const r = allocator().allocate({ type: 'NodePort', ports: [{ port: 80, nodePort: 30001 }] }, undefined, state);
    expect(r.causes[0].message).toContain('provided port is already allocated');
  });

  it('drops node ports when a service turns back into ClusterIP', () => {
    const spec = { type: 'ClusterIP', ports: [{ port: 80, nodePort: 30000 }] as { port: number; nodePort?: number }[] };
    allocator().allocate(spec, undefined, empty());
    expect(spec.ports[0].nodePort).toBeUndefined();
  });
});
