import { locateConfigFile } from './config-file-location.ts';
import { ConfigError } from './errors.ts';
import type { Command } from './flags.ts';
import { parseCommandLine } from './parse.ts';
import type { AgentConfig, ServerConfig, SkiffConfig, SystemFacts } from './types.ts';

/** Reads a text file, resolving to undefined when it does not exist (other failures reject). */
export type ReadTextFile = (path: string) => Promise<string | undefined>;

export interface LoadOptions<C extends Command> {
  readonly command: C;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly system: SystemFacts;
  readonly readTextFile: ReadTextFile;
}

/**
 * Locates and reads the config file, then parses the command line over it: the one call
 * cmd/skiff.ts makes. File access is injected so this stays testable without /etc.
 */
export async function loadConfig(options: LoadOptions<'server'>): Promise<ServerConfig>;
export async function loadConfig(options: LoadOptions<'agent'>): Promise<AgentConfig>;
export async function loadConfig(options: LoadOptions<Command>): Promise<SkiffConfig>;
export async function loadConfig(options: LoadOptions<Command>): Promise<SkiffConfig> {
  const location = locateConfigFile(options);
  const text = await options.readTextFile(location.path);
  if (text === undefined && location.explicit) {
    throw new ConfigError('--config', `config file ${location.path} given by --config or $SKIFF_CONFIG_FILE does not exist`);
  }
  return parseCommandLine({
    command: options.command,
    argv: options.argv,
    env: options.env,
    system: options.system,
    configFileText: text,
    configFilePath: location.path,
  });
}
