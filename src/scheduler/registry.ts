/**
 * The plugin registry and profiles (upstream's framework/plugins/registry.go and the
 * default profile of apis/config/v1/default_plugins.go). A profile names plugins in order;
 * an unknown name fails when the profile is built, naming it.
 */
import { isFilter, isPreFilter, isPreScore, isScore, type FilterPlugin, type Plugin, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin } from './framework.ts';
import { balancedAllocationPlugin } from './plugins/balanced-allocation.ts';
import { interPodAffinityPlugin } from './plugins/inter-pod-affinity.ts';
import { nodeAffinityPlugin } from './plugins/node-affinity.ts';
import { nodeNamePlugin } from './plugins/node-name.ts';
import { nodePortsPlugin } from './plugins/node-ports.ts';
import { nodeResourcesFitPlugin } from './plugins/node-resources-fit.ts';
import { nodeUnschedulablePlugin } from './plugins/node-unschedulable.ts';
import { podTopologySpreadPlugin } from './plugins/pod-topology-spread.ts';
import { taintTolerationPlugin } from './plugins/taint-toleration.ts';

export const defaultRegistry: ReadonlyMap<string, Plugin> = new Map<string, Plugin>(
  [
    nodeUnschedulablePlugin,
    nodeNamePlugin,
    taintTolerationPlugin,
    nodeAffinityPlugin,
    nodePortsPlugin,
    nodeResourcesFitPlugin,
    podTopologySpreadPlugin,
    interPodAffinityPlugin,
    balancedAllocationPlugin,
  ].map((p) => [p.name, p]),
);

export interface ProfileConfig {
  schedulerName: string;
  /** Plugin names in the order upstream runs them. */
  plugins: string[];
  /** Score weights by plugin name; a scoring plugin without one weighs 1. */
  weights: Record<string, number>;
}

/** Upstream's default profile, minus the volume and image plugins Skiff has no use for yet. */
export const defaultProfileConfig: ProfileConfig = {
  schedulerName: 'default-scheduler',
  plugins: [
    'NodeUnschedulable',
    'NodeName',
    'TaintToleration',
    'NodeAffinity',
    'NodePorts',
    'NodeResourcesFit',
    'PodTopologySpread',
    'InterPodAffinity',
    'NodeResourcesBalancedAllocation',
  ],
  weights: { TaintToleration: 3, NodeAffinity: 2, NodeResourcesFit: 1, PodTopologySpread: 2, InterPodAffinity: 2, NodeResourcesBalancedAllocation: 1 },
};

export interface Profile {
  schedulerName: string;
  preFilters: PreFilterPlugin[];
  filters: FilterPlugin[];
  preScores: PreScorePlugin[];
  scores: { plugin: ScorePlugin; weight: number }[];
}

export function buildProfile(config: ProfileConfig = defaultProfileConfig, registry: ReadonlyMap<string, Plugin> = defaultRegistry): Profile {
  const plugins = config.plugins.map((name) => {
    const plugin = registry.get(name);
    if (!plugin) throw new Error(`scheduler profile "${config.schedulerName}": unknown plugin "${name}" (known: ${[...registry.keys()].join(', ')})`);
    return plugin;
  });
  return {
    schedulerName: config.schedulerName,
    preFilters: plugins.filter(isPreFilter),
    filters: plugins.filter(isFilter),
    preScores: plugins.filter(isPreScore),
    scores: plugins.filter(isScore).map((plugin) => ({ plugin, weight: config.weights[plugin.name] ?? 1 })),
  };
}

export const defaultProfile: Profile = buildProfile();
