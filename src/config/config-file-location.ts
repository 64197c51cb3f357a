import { readArgv } from './argv.ts';
import { commonFlags, DEFAULT_CONFIG_FILE, flagsFor, type Command } from './flags.ts';

export interface ConfigFileLocation {
  readonly path: string;
  /**
   * Given with --config or $SKIFF_CONFIG_FILE. As k3s' configfilearg: the default file is
   * read only if it exists, while an explicitly named one must exist.
   */
  readonly explicit: boolean;
}

/** Which config file a command line asks for, before the file is read. */
export function locateConfigFile(options: {
  command: Command;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}): ConfigFileLocation {
  const fromArgv = readArgv({ argv: options.argv, flags: flagsFor(options.command), command: options.command });
  const given = fromArgv.values.get(commonFlags.config.name)?.at(-1);
  if (given !== undefined && given !== '') return { path: given, explicit: true };
  const fromEnv = options.env[commonFlags.config.env!];
  if (fromEnv !== undefined && fromEnv !== '') return { path: fromEnv, explicit: true };
  return { path: DEFAULT_CONFIG_FILE, explicit: false };
}
