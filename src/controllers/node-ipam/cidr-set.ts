import ipaddr from 'ipaddr.js';

/**
 * The pod CIDRs of one cluster CIDR cut into per-node blocks (upstream's cidrset): blocks are
 * handed out lowest first, can be marked used (blocks nodes already hold, on restart) and
 * released. Addresses are bigints so IPv4 and IPv6 share the arithmetic.
 */
export class CidrSet {
  private readonly base: bigint;
  private readonly bits: number;
  private readonly family: 'ipv4' | 'ipv6';
  private readonly blockBits: number;
  private readonly capacity: bigint;
  private readonly used = new Set<bigint>();

  constructor(clusterCidr: string, readonly maskSize: number) {
    const [address, prefix] = ipaddr.parseCIDR(clusterCidr);
    this.family = address.kind() as 'ipv4' | 'ipv6';
    this.bits = this.family === 'ipv4' ? 32 : 128;
    if (maskSize < prefix || maskSize > this.bits) throw new Error(`node CIDR mask size /${maskSize} does not fit in cluster CIDR ${clusterCidr}`);
    this.blockBits = this.bits - maskSize;
    const full = toBigInt(address.toByteArray());
    this.base = (full >> BigInt(this.bits - prefix)) << BigInt(this.bits - prefix);
    this.capacity = 1n << BigInt(maskSize - prefix);
  }

  /**
   * `preferred` when it is a free block of this set, else the lowest free block outside
   * `avoid` (blocks kept for someone else), else the lowest free block; undefined when full.
   */
  allocate(opts: { preferred?: string; avoid?: Iterable<string> } = {}): string | undefined {
    const wanted = opts.preferred !== undefined ? this.indexOf(opts.preferred) : undefined;
    if (wanted !== undefined && !this.used.has(wanted)) return this.take(wanted);
    const avoid = new Set<bigint>();
    for (const cidr of opts.avoid ?? []) {
      const index = this.indexOf(cidr);
      if (index !== undefined) avoid.add(index);
    }
    let fallback: bigint | undefined;
    for (let i = 0n; i < this.capacity; i++) {
      if (this.used.has(i)) continue;
      if (!avoid.has(i)) return this.take(i);
      fallback ??= i;
    }
    return fallback !== undefined ? this.take(fallback) : undefined;
  }

  private take(index: bigint): string {
    this.used.add(index);
    return this.format(index);
  }

  /** Marks `cidr` used; false when it is not one of this set's blocks. */
  occupy(cidr: string): boolean {
    const index = this.indexOf(cidr);
    if (index === undefined) return false;
    this.used.add(index);
    return true;
  }

  release(cidr: string): void {
    const index = this.indexOf(cidr);
    if (index !== undefined) this.used.delete(index);
  }

  private indexOf(cidr: string): bigint | undefined {
    if (!ipaddr.isValidCIDR(cidr)) return undefined;
    const [address, prefix] = ipaddr.parseCIDR(cidr);
    if (address.kind() !== this.family || prefix !== this.maskSize) return undefined;
    const offset = toBigInt(address.toByteArray()) - this.base;
    if (offset < 0n || offset % (1n << BigInt(this.blockBits)) !== 0n) return undefined;
    const index = offset >> BigInt(this.blockBits);
    return index < this.capacity ? index : undefined;
  }

  private format(index: bigint): string {
    const value = this.base + (index << BigInt(this.blockBits));
    const bytes: number[] = [];
    for (let i = this.bits / 8 - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
    return `${ipaddr.fromByteArray(bytes).toString()}/${this.maskSize}`;
  }
}

function toBigInt(bytes: number[]): bigint {
  return bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}
