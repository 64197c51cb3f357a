import ipaddr from 'ipaddr.js';

/** An IPv4 CIDR as a numeric range, for allocation. */
export interface Ipv4Range {
  cidr: string;
  /** First and last address as 32-bit numbers. */
  first: number;
  last: number;
}

export function parseIpv4Range(cidr: string): Ipv4Range {
  const [addr, bits] = ipaddr.parseCIDR(cidr);
  if (addr.kind() !== 'ipv4') throw new Error(`only IPv4 service CIDRs are supported, got ${cidr}`);
  const base = toNumber(addr.toString()) & (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0);
  const size = 2 ** (32 - bits);
  return { cidr, first: base >>> 0, last: (base + size - 1) >>> 0 };
}

export function toNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

export function fromNumber(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function contains(range: Ipv4Range, ip: string): boolean {
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return false;
  const n = toNumber(ip);
  return n >= range.first && n <= range.last;
}
