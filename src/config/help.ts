import { flagsFor, type AnyFlag, type Command } from './flags.ts';
import { resolveValues } from './layered-values.ts';
import type { SystemFacts } from './types.ts';

/** A command as the top-level help lists it. */
export interface CommandSummary {
  readonly name: string;
  readonly usage: string;
}

const COMMAND_DESCRIPTIONS: Readonly<Record<Command, string>> = {
  server: 'Run management server',
  agent: 'Run node agent',
};

/** `skiff --help`, laid out as urfave/cli prints k3s' help. */
export function renderRootHelp(options: { version: string; commands: readonly CommandSummary[] }): string {
  const width = Math.max(...options.commands.map((command) => command.name.length), 'help, h'.length) + 2;
  return [
    'NAME:',
    '   skiff - Kubernetes, but small',
    '',
    'USAGE:',
    '   skiff [global options] command [command options] [arguments...]',
    '',
    'VERSION:',
    `   ${options.version}`,
    '',
    'COMMANDS:',
    ...options.commands.map((command) => `   ${command.name.padEnd(width)}${command.usage}`),
    `   ${'help, h'.padEnd(width)}Shows a list of commands or help for one command`,
    '',
    'GLOBAL OPTIONS:',
    '   --help, -h     show help',
    '   --version, -v  print the version',
    '',
  ].join('\n');
}

/**
 * `skiff server --help` / `skiff agent --help`: every declared flag with its type, default
 * (computed for this user, so root sees /var/lib/skiff) and environment variable, as
 * `--data-dir string, -d string   (data) Folder to hold state (default: /var/lib/skiff) [$SKIFF_DATA_DIR]`.
 */
export function renderCommandHelp(options: { command: Command; system: SystemFacts }): string {
  const flags = flagsFor(options.command);
  const defaults = resolveValues({
    flags,
    system: options.system,
    layers: { argv: new Map(), env: {}, file: new Map(), filePath: undefined },
  });
  const rows = flags.map((flag) => ({ left: flagSynopsis(flag), right: flagDescription(flag, defaults.valueOf(flag)) }));
  const width = Math.max(...rows.map((row) => row.left.length)) + 3;
  return [
    'NAME:',
    `   skiff ${options.command} - ${COMMAND_DESCRIPTIONS[options.command]}`,
    '',
    'USAGE:',
    `   skiff ${options.command} [OPTIONS]`,
    '',
    'OPTIONS:',
    ...rows.map((row) => `   ${row.left.padEnd(width)}${row.right}`),
    `   ${'--help, -h'.padEnd(width)}show help`,
    '',
  ].join('\n');
}

function flagSynopsis(flag: AnyFlag): string {
  const value = flag.kind.placeholder === '' ? '' : ` ${flag.kind.placeholder}`;
  return [`--${flag.name}${value}`, ...flag.aliases.map((alias) => `-${alias}${value}`)].join(', ');
}

function flagDescription(flag: AnyFlag, defaultValue: unknown): string {
  const shownDefault = defaultValue === undefined || defaultValue === false ? '' : flag.kind.format(defaultValue);
  const defaultText = shownDefault !== '' ? shownDefault : flag.defaultDescription;
  return [
    flag.category,
    flag.usage + (flag.kind.repeatable ? ' (repeatable)' : ''),
    defaultText ? `(default: ${defaultText})` : '',
    flag.env ? `[$${flag.env}]` : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}
