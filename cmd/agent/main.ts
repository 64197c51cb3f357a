import { CliError } from '../../src/cli/context.ts';
import type { AgentConfig } from '../../src/config/types.ts';

/**
 * `skiff agent`: joining a node to a server. Not built yet (node registration, the pod
 * lifecycle over containerd's CRI, CNI and the service proxy are later issues), so it
 * fails at once with a message saying so, after its flags were validated.
 */
export async function runAgent(config: AgentConfig, signal: AbortSignal): Promise<void> {
  void signal;
  throw new CliError(
    `the node agent is not available in this release (node registration, pod lifecycle over containerd/CRI, CNI are not built yet), ` +
      `so node ${config.agent.nodeName} cannot join ${config.agent.serverUrl}`,
  );
}
