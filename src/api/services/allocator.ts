import type { PortRange } from '../../config/value-kinds.ts';
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import { contains, fromNumber, parseIpv4Range, toNumber, type Ipv4Range } from './ip-range.ts';

/** What is in use now: read from the cached Services at each allocation. */
export interface AllocationState {
  clusterIps: Set<string>;
  nodePorts: Set<string>; // `${port}/${protocol}`
}

interface Spec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: { port?: number; nodePort?: number; protocol?: string }[];
}

/**
 * ClusterIP and NodePort allocation, as kube-apiserver's service REST storage does it on
 * create and update (not a controller): free addresses from the service CIDR (network and
 * broadcast addresses excluded, the first address reserved for the `kubernetes` Service),
 * free ports from --service-node-port-range, and 422s naming the field for taken or
 * out-of-range requests. Addresses handed out but not yet stored are held in `pending` so
 * that two concurrent creates never get the same one.
 */
export class ServiceAllocator {
  private readonly range: Ipv4Range;
  private readonly pendingIps = new Set<string>();
  private readonly pendingPorts = new Set<string>();
  private nextIp: number;
  private nextPort: number;

  constructor(private readonly opts: { serviceCidr: string; nodePorts: PortRange; random?: () => number }) {
    this.range = parseIpv4Range(opts.serviceCidr);
    const random = opts.random ?? Math.random;
    // Start at a random offset, as upstream's bitmap allocator picks at random.
    this.nextIp = this.range.first + 2 + Math.floor(random() * Math.max(1, this.range.last - this.range.first - 2));
    this.nextPort = opts.nodePorts.min + Math.floor(random() * (opts.nodePorts.max - opts.nodePorts.min + 1));
  }

  /**
   * Fills spec.clusterIP(s) and node ports of `spec` (mutated), given the old spec on update.
   * Returns causes for requests that cannot be honoured, and a release function to call
   * once the write has landed or failed.
   */
  allocate(spec: Spec, old: Spec | undefined, state: AllocationState): { causes: StatusCause[]; release: () => void } {
    const causes: StatusCause[] = [];
    const takenIps: string[] = [];
    const takenPorts: string[] = [];
    const release = () => {
      for (const ip of takenIps) this.pendingIps.delete(ip);
      for (const p of takenPorts) this.pendingPorts.delete(p);
    };
    const type = spec.type ?? 'ClusterIP';
    if (type !== 'ExternalName') {
      const ip = spec.clusterIP;
      if (ip === undefined || ip === '') {
        if (old?.clusterIP && old.clusterIP !== 'None') spec.clusterIP = old.clusterIP;
        else {
          const got = this.freeIp(state);
          if (!got) causes.push({ reason: 'FieldValueInvalid', field: 'spec.clusterIPs', message: `Internal error: failed to allocate a serviceIP: range is full` });
          else {
            spec.clusterIP = got;
            takenIps.push(got);
          }
        }
      } else if (ip !== 'None' && ip !== old?.clusterIP) {
        if (!contains(this.range, ip)) {
          causes.push({ reason: 'FieldValueInvalid', field: 'spec.clusterIPs', message: `Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.range.cidr}` });
        } else if (state.clusterIps.has(ip) || this.pendingIps.has(ip)) {
          causes.push({ reason: 'FieldValueInvalid', field: 'spec.clusterIPs', message: `Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: provided IP is already allocated` });
        } else {
          this.pendingIps.add(ip);
          takenIps.push(ip);
        }
      }
      if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
    }
    const wantsNodePorts = type === 'NodePort' || type === 'LoadBalancer';
    const oldPorts = new Map((old?.ports ?? []).filter((p) => p.nodePort).map((p) => [`${p.port}/${p.protocol ?? 'TCP'}`, p.nodePort!]));
    const ownOld = new Set((old?.ports ?? []).filter((p) => p.nodePort).map((p) => `${p.nodePort}/${p.protocol ?? 'TCP'}`));
    (spec.ports ?? []).forEach((port, i) => {
      const protocol = port.protocol ?? 'TCP';
      if (!wantsNodePorts) {
        delete port.nodePort;
        return;
      }
      if (!port.nodePort) {
        const kept = oldPorts.get(`${port.port}/${protocol}`);
        if (kept) {
          port.nodePort = kept;
          return;
        }
        const got = this.freePort(state, protocol);
        if (got === undefined) {
          causes.push({ reason: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, message: 'Internal error: failed to allocate a nodePort: range is full' });
          return;
        }
        port.nodePort = got;
        takenPorts.push(`${got}/${protocol}`);
        return;
      }
      const key = `${port.nodePort}/${protocol}`;
      if (ownOld.has(key)) return;
      const { min, max } = this.opts.nodePorts;
      if (port.nodePort < min || port.nodePort > max) return; // validation reports the range
      if (state.nodePorts.has(key) || this.pendingPorts.has(key)) {
        causes.push({ reason: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${port.nodePort}: provided port is already allocated` });
        return;
      }
      this.pendingPorts.add(key);
      takenPorts.push(key);
    });
    return { causes, release };
  }

  /** The address of the `kubernetes` Service: the first usable address of the range. */
  get kubernetesIp(): string {
    return fromNumber(this.range.first + 1);
  }

  private freeIp(state: AllocationState): string | undefined {
    const first = this.range.first + 2; // network address and the kubernetes Service's address
    const last = this.range.last - 1; // broadcast
    const span = last - first + 1;
    for (let i = 0; i < span; i++) {
      const n = first + ((this.nextIp - first + i) % span);
      const ip = fromNumber(n);
      if (!state.clusterIps.has(ip) && !this.pendingIps.has(ip)) {
        this.nextIp = n + 1;
        this.pendingIps.add(ip);
        return ip;
      }
    }
    return undefined;
  }

  private freePort(state: AllocationState, protocol: string): number | undefined {
    const { min, max } = this.opts.nodePorts;
    const span = max - min + 1;
    for (let i = 0; i < span; i++) {
      const port = min + ((this.nextPort - min + i) % span);
      const key = `${port}/${protocol}`;
      if (!state.nodePorts.has(key) && !this.pendingPorts.has(key)) {
        this.nextPort = port + 1;
        this.pendingPorts.add(key);
        return port;
      }
    }
    return undefined;
  }
}

/** The IPs and node ports the given Services hold. */
export function allocationStateOf(services: KubeObject[]): AllocationState {
  const clusterIps = new Set<string>();
  const nodePorts = new Set<string>();
  for (const s of services) {
    const spec = (s.spec ?? {}) as Spec;
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) if (ip && ip !== 'None') clusterIps.add(ip);
    for (const p of spec.ports ?? []) if (p.nodePort) nodePorts.add(`${p.nodePort}/${p.protocol ?? 'TCP'}`);
  }
  return { clusterIps, nodePorts };
}

