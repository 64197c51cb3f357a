import { networkInterfaces } from 'node:os';

/**
 * The address to advertise when none is configured: the first non-internal IPv4 address
 * (k3s takes the default-route interface's; without a route table read this is the usual
 * answer on an edge box with one uplink), else loopback.
 */
export function guessNodeAddress(interfaces = networkInterfaces()): string {
  for (const list of Object.values(interfaces)) {
    for (const addr of list ?? []) {
      if (addr.family === 'IPv4' && !addr.internal) return addr.address;
    }
  }
  return '127.0.0.1';
}
