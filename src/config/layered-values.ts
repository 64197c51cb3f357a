import { ConfigError, InvalidValue } from './errors.ts';
import type { AnyFlag, DefaultContext, FlagDeclaration } from './flags.ts';
import type { SystemFacts } from './types.ts';

export type ValueSource = 'flag' | 'env' | 'file' | 'default';

/** The raw texts each layer holds, highest precedence first in resolution. */
export interface RawLayers {
  readonly argv: ReadonlyMap<string, readonly string[]>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly file: ReadonlyMap<string, readonly string[]>;
  readonly filePath: string | undefined;
}

export interface ResolvedValues {
  valueOf<T>(flag: FlagDeclaration<T>): T;
  sourceOf(flag: AnyFlag): ValueSource;
}

/**
 * Resolves each flag from the first layer that sets it: command-line flags, then the
 * environment, then the config file, then the (possibly computed) default. A repeatable
 * flag takes its whole list from one layer: as k3s documents, command-line values of a
 * list replace the file's list rather than merging with it.
 */
export function resolveValues(options: {
  flags: readonly AnyFlag[];
  layers: RawLayers;
  system: SystemFacts;
}): ResolvedValues {
  const { layers, system } = options;
  const accepted = new Set(options.flags);
  const cache = new Map<AnyFlag, { value: unknown; source: ValueSource }>();

  const resolve = (flag: AnyFlag): { value: unknown; source: ValueSource } => {
    const known = cache.get(flag);
    if (known) return known;
    if (!accepted.has(flag)) throw new Error(`--${flag.name} is not a flag of this command`);
    const result = resolveOne(flag);
    cache.set(flag, result);
    return result;
  };

  const context: DefaultContext = {
    system,
    valueOf: <T>(flag: FlagDeclaration<T>) => resolve(flag as AnyFlag).value as T,
  };

  const resolveOne = (flag: AnyFlag): { value: unknown; source: ValueSource } => {
    const fromArgv = layers.argv.get(flag.name);
    if (fromArgv && fromArgv.length > 0) {
      return { value: parseOrExplain(flag, fromArgv, { key: `--${flag.name}`, where: `--${flag.name}` }), source: 'flag' };
    }
    const envText = flag.env ? layers.env[flag.env] : undefined;
    if (flag.env && envText !== undefined && envText !== '') {
      const where = `$${flag.env} (--${flag.name})`;
      return { value: parseOrExplain(flag, [envText], { key: `$${flag.env}`, where }), source: 'env' };
    }
    const fromFile = layers.file.get(flag.name);
    if (fromFile && fromFile.length > 0) {
      const where = `${flag.name} in config file ${layers.filePath ?? ''}`.trimEnd();
      return { value: parseOrExplain(flag, fromFile, { key: flag.name, where }), source: 'file' };
    }
    return { value: flag.defaultValue(context), source: 'default' };
  };

  return {
    valueOf: context.valueOf,
    sourceOf: (flag) => resolve(flag).source,
  };
}

function parseOrExplain(flag: AnyFlag, texts: readonly string[], label: { key: string; where: string }): unknown {
  try {
    return flag.kind.parse(texts);
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    const shown = flag.kind.repeatable ? texts.join(',') : texts[texts.length - 1];
    throw new ConfigError(label.key, `invalid value "${shown}" for ${label.where}: ${error.expected}`);
  }
}
