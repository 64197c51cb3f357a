/**
 * What a Skiff node needs from the kernel and the system, as data. The kernel options
 * follow moby's check-config.sh and k3s' check-config; the Debian package names are the
 * ones NOTES.md verified on Debian 12.
 */
export interface KernelRequirement {
  readonly kind: 'kernel';
  readonly name: string;
  readonly required: boolean;
  /** Why Skiff needs it, shown for optional features. */
  readonly why: string;
  /** Each group is any-of; every group must be satisfied (`=y` or `=m`). */
  readonly configs: readonly (readonly string[])[];
  /** Evidence at run time when no kernel config is readable or it disagrees. */
  readonly modules?: readonly string[];
  readonly filesystem?: string;
  readonly cgroupControllers?: readonly string[];
  readonly paths?: readonly string[];
}

export interface ToolRequirement {
  readonly kind: 'tool';
  readonly name: string;
  readonly required: boolean;
  readonly why: string;
  /** Executables looked up on PATH, or absolute paths of which any one will do. */
  readonly executables: readonly string[];
  readonly anyOf?: boolean;
  readonly debianPackage: string;
}

export type Requirement = KernelRequirement | ToolRequirement;

export const NODE_REQUIREMENTS: readonly Requirement[] = [
  {
    kind: 'kernel', name: 'namespaces', required: true, why: 'pod isolation',
    configs: [['CONFIG_NAMESPACES'], ['CONFIG_NET_NS'], ['CONFIG_PID_NS'], ['CONFIG_IPC_NS'], ['CONFIG_UTS_NS']],
    paths: ['/proc/self/ns/net', '/proc/self/ns/pid', '/proc/self/ns/ipc', '/proc/self/ns/uts'],
  },
  {
    kind: 'kernel', name: 'cgroups', required: true, why: 'container resource limits',
    configs: [['CONFIG_CGROUPS'], ['CONFIG_MEMCG'], ['CONFIG_CGROUP_PIDS'], ['CONFIG_CPUSETS'], ['CONFIG_CGROUP_SCHED']],
    cgroupControllers: ['memory', 'pids', 'cpuset', 'cpu'],
  },
  {
    kind: 'kernel', name: 'veth', required: true, why: 'pod network interfaces',
    configs: [['CONFIG_VETH']], modules: ['veth'],
  },
  {
    kind: 'kernel', name: 'bridge', required: true, why: 'the node bridge for pods',
    configs: [['CONFIG_BRIDGE'], ['CONFIG_BRIDGE_NETFILTER']], modules: ['bridge', 'br_netfilter'],
  },
  {
    kind: 'kernel', name: 'vxlan', required: true, why: 'the pod overlay between nodes (--flannel-backend vxlan)',
    configs: [['CONFIG_VXLAN']], modules: ['vxlan'],
  },
  {
    kind: 'kernel', name: 'overlayfs', required: true, why: "containerd's overlayfs snapshotter",
    configs: [['CONFIG_OVERLAY_FS']], modules: ['overlay'], filesystem: 'overlay',
  },
  {
    kind: 'kernel', name: 'netfilter', required: true, why: 'service NAT rules (iptables)',
    configs: [
      ['CONFIG_NF_CONNTRACK'], ['CONFIG_NF_NAT'], ['CONFIG_IP_NF_IPTABLES', 'CONFIG_NF_TABLES'],
      ['CONFIG_NETFILTER_XT_MATCH_COMMENT'], ['CONFIG_NETFILTER_XT_MATCH_CONNTRACK'],
    ],
    modules: ['nf_conntrack'],
  },
  {
    kind: 'kernel', name: 'ipset', required: false, why: 'faster service rules',
    configs: [['CONFIG_IP_SET']], modules: ['ip_set'],
  },
  {
    kind: 'kernel', name: 'ipvs', required: false, why: '--proxy-mode ipvs only',
    configs: [['CONFIG_IP_VS']], modules: ['ip_vs'],
  },
  { kind: 'tool', name: 'containerd', required: true, why: 'running containers', executables: ['containerd'], debianPackage: 'containerd' },
  { kind: 'tool', name: 'runc', required: true, why: "containerd's OCI runtime", executables: ['runc'], debianPackage: 'runc' },
  {
    kind: 'tool', name: 'iptables', required: true, why: 'service NAT rules',
    executables: ['iptables', 'iptables-save', 'iptables-restore'], debianPackage: 'iptables',
  },
  { kind: 'tool', name: 'iproute2', required: true, why: 'links, routes, FDB entries', executables: ['ip', 'bridge'], debianPackage: 'iproute2' },
  { kind: 'tool', name: 'nsenter', required: true, why: 'entering pod network namespaces', executables: ['nsenter'], debianPackage: 'util-linux' },
  { kind: 'tool', name: 'ipset', required: false, why: 'faster service rules', executables: ['ipset'], debianPackage: 'ipset' },
  { kind: 'tool', name: 'ipvsadm', required: false, why: '--proxy-mode ipvs only', executables: ['ipvsadm'], debianPackage: 'ipvsadm' },
  { kind: 'tool', name: 'conntrack', required: false, why: 'clearing stale UDP conntrack entries', executables: ['conntrack'], debianPackage: 'conntrack' },
  {
    kind: 'tool', name: 'cni-plugins', required: false, why: 'the loopback interface of pod sandboxes',
    executables: ['/usr/lib/cni/loopback', '/opt/cni/bin/loopback'], anyOf: true, debianPackage: 'containernetworking-plugins',
  },
  { kind: 'tool', name: 'kubectl', required: false, why: '"skiff kubectl" only', executables: ['kubectl'], debianPackage: 'kubernetes-client' },
];
