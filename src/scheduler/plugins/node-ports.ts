import { SUCCESS, unschedulable, type FilterPlugin } from '../framework.ts';

export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

/**
 * Upstream's NodePorts plugin: a host port conflicts with one in use for the same protocol
 * and port when either side binds 0.0.0.0 or both bind the same IP (HostPortInfo.CheckConflict).
 */
export const nodePortsPlugin: FilterPlugin = {
  name: 'NodePorts',
  filter(_state, pod, node) {
    for (const want of pod.hostPorts) {
      const ips = node.usedPorts.get(`${want.protocol}/${want.port}`);
      if (!ips) continue;
      if (want.ip === '0.0.0.0' || ips.some((ip) => ip === '0.0.0.0' || ip === want.ip)) return unschedulable(ERR_REASON_NODE_PORTS);
    }
    return SUCCESS;
  },
};
