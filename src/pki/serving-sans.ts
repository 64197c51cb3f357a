/**
 * The subject alternative names of the API server's serving certificate, computed as
 * data so ensureClusterPki can compare the wanted set with the one on disk.
 */
import ipaddr from 'ipaddr.js';
import { x509 } from './x509.ts';

export interface SubjectAltNames {
  dns: string[];
  ips: string[];
}

/**
 * Names every API server certificate carries, as k3s: loopback (kubectl on the
 * server itself) and the in-cluster names of the `kubernetes` Service.
 */
export function defaultServingSans(clusterDomain = 'cluster.local'): SubjectAltNames {
  return {
    dns: ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${clusterDomain}`],
    ips: ['127.0.0.1', '::1'],
  };
}

/** Splits `--tls-san` values into DNS names and IP addresses, as k3s does with the same flag. */
export function splitTlsSans(values: string[]): SubjectAltNames {
  const sans: SubjectAltNames = { dns: [], ips: [] };
  for (const value of values) (ipaddr.isValid(value) ? sans.ips : sans.dns).push(value);
  return sans;
}

/** The defaults plus `extra`, deduplicated and sorted, IPs in canonical form (so `::0:1` equals `::1`). */
export function completeServingSans(extra: SubjectAltNames, clusterDomain?: string): SubjectAltNames {
  const defaults = defaultServingSans(clusterDomain);
  const dns = new Set([...defaults.dns, ...extra.dns].map((name) => name.toLowerCase()));
  const ips = new Set([...defaults.ips, ...extra.ips].map(canonicalIp));
  return { dns: [...dns].sort(), ips: [...ips].sort() };
}

/** The SANs a certificate carries, in the same canonical form. */
export function sansOfCertificate(certificate: x509.X509Certificate): SubjectAltNames {
  const extension = certificate.getExtension(x509.SubjectAlternativeNameExtension);
  const names = extension?.names.toJSON() ?? [];
  return {
    dns: names.filter((n) => n.type === 'dns').map((n) => n.value.toLowerCase()).sort(),
    ips: names.filter((n) => n.type === 'ip').map((n) => canonicalIp(n.value)).sort(),
  };
}

export function sameSans(a: SubjectAltNames, b: SubjectAltNames): boolean {
  return a.dns.join(',') === b.dns.join(',') && a.ips.join(',') === b.ips.join(',');
}

function canonicalIp(value: string): string {
  if (!ipaddr.isValid(value)) throw new Error(`${JSON.stringify(value)} is not an IP address`);
  const parsed = ipaddr.parse(value);
  // An IPv4-mapped IPv6 address names the same host as its IPv4 form.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  return parsed.toString();
}
