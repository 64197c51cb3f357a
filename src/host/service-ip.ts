import ipaddr from 'ipaddr.js';

/** The first usable address of the service CIDR: the `kubernetes` Service's ClusterIP (10.43.0.1 by default). */
export function firstServiceIp(serviceCidr: string): string {
  const [network] = ipaddr.parseCIDR(serviceCidr);
  const bytes = network.toByteArray();
  bytes[bytes.length - 1] += 1;
  return ipaddr.fromByteArray(bytes).toString();
}
