import { CliError, type CliContext } from './context.ts';
import { serverConfigForHelpers } from './server-defaults.ts';

const SUBCOMMANDS = ['create', 'list', 'delete'] as const;

/**
 * `skiff token create|list|delete`. Join tokens beyond the server token (k3s' bootstrap
 * tokens with TTLs) are not implemented yet, so create and delete say so; list shows the
 * one token that exists, DATA/server/token.
 */
export async function runTokenCommand(context: CliContext): Promise<number> {
  const [subcommand, ...rest] = context.args;
  if (subcommand === undefined || subcommand === '--help' || subcommand === '-h') {
    context.print('Usage: skiff token list [--data-dir DIR]\n\ncreate and delete are not available in this release.');
    return subcommand === undefined ? 1 : 0;
  }
  if (!(SUBCOMMANDS as readonly string[]).includes(subcommand)) {
    throw new CliError(`unknown token subcommand "${subcommand}": expected one of ${SUBCOMMANDS.join(', ')}`);
  }
  if (subcommand !== 'list') {
    throw new CliError(
      `"skiff token ${subcommand}" is not available in this release: bootstrap tokens are not implemented; ` +
        'agents join with the server token shown by "skiff token list"',
    );
  }
  const config = await serverConfigForHelpers({ context, serverArgs: dataDirArgs(rest) });
  const path = `${config.dataDir.replace(/\/+$/, '')}/server/token`;
  let token: string | undefined;
  try {
    token = (await context.readTextFile(path))?.trim();
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!token) {
    throw new CliError(`no server token at ${path}: start "skiff server" with this --data-dir first`);
  }
  context.print('TYPE     TOKEN');
  context.print(`server   ${token}`);
  return 0;
}

/** `token list` takes only --data-dir/-d (and --config), the flags that locate the token. */
function dataDirArgs(args: readonly string[]): readonly string[] {
  for (const arg of args) {
    const name = arg.replace(/^--?/, '').split('=')[0];
    if (arg.startsWith('-') && !['data-dir', 'd', 'config', 'c'].includes(name!)) {
      throw new CliError(`unknown flag ${arg} for "skiff token list": expected --data-dir DIR or --config FILE`);
    }
  }
  return args;
}
