import { closestName } from './closest-name.ts';
import { ConfigError } from './errors.ts';
import type { AnyFlag } from './flags.ts';

/** Raw flag texts by flag name, in the order given, plus what was not a flag. */
export interface ArgvValues {
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly positionals: readonly string[];
}

/**
 * Splits a command's arguments the way Go's flag package (under urfave/cli) does for k3s:
 * `-name` and `--name` are the same, values come as `--name=value` or `--name value`,
 * booleans take a value only after `=`, and `--` ends the flags.
 */
export function readArgv(options: { argv: readonly string[]; flags: readonly AnyFlag[]; command: string }): ArgvValues {
  const byName = new Map<string, AnyFlag>();
  for (const flag of options.flags) {
    byName.set(flag.name, flag);
    for (const alias of flag.aliases) byName.set(alias, flag);
  }
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  const argv = options.argv;

  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const equals = body.indexOf('=');
    const name = equals >= 0 ? body.slice(0, equals) : body;
    const flag = byName.get(name);
    const shown = name.length === 1 ? `-${name}` : `--${name}`;
    if (!flag) {
      const hint = closestName(name, byName.keys());
      throw new ConfigError(
        shown,
        `unknown flag ${shown} for "skiff ${options.command}"` +
          (hint ? ` (did you mean --${hint}?)` : '') +
          `; see "skiff ${options.command} --help"`,
      );
    }
    let text: string;
    if (equals >= 0) {
      text = body.slice(equals + 1);
    } else if (flag.kind.isBoolean) {
      text = 'true';
    } else if (index + 1 < argv.length) {
      text = argv[++index]!;
    } else {
      throw new ConfigError(`--${flag.name}`, `flag --${flag.name} needs a value: expected ${describeExpected(flag)}`);
    }
    const texts = values.get(flag.name) ?? [];
    texts.push(text);
    values.set(flag.name, texts);
  }
  return { values, positionals };
}

function describeExpected(flag: AnyFlag): string {
  return flag.kind.placeholder.includes('|') ? `one of ${flag.kind.placeholder.split('|').join(', ')}` : `a ${flag.kind.placeholder}`;
}
