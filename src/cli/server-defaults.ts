import { loadConfig } from '../config/load.ts';
import type { ServerConfig } from '../config/types.ts';
import type { CliContext } from './context.ts';

/**
 * The server's configuration as env and config file describe it, for helper commands
 * (`skiff kubectl`, `skiff token`) that must find the same data dir and kubeconfig the
 * server used without taking its flags. Only the options the helper accepts are passed.
 */
export async function serverConfigForHelpers(options: {
  context: Pick<CliContext, 'env' | 'system' | 'readTextFile'>;
  serverArgs?: readonly string[];
}): Promise<ServerConfig> {
  return loadConfig({
    command: 'server',
    argv: options.serverArgs ?? [],
    env: options.context.env,
    system: options.context.system,
    readTextFile: options.context.readTextFile,
  });
}
