/**
 * The one `skiff` executable (DESIGN.md §1): parses the command line, dispatches to a
 * subcommand, and is the single supervisor: SIGINT/SIGTERM abort the shared signal, an
 * error prints one line (a stack only with SKIFF_DEBUG or --debug), and only this file
 * ends the process. Subcommands are imported on demand so `skiff --help` and the start
 * of `skiff server` load nothing they do not use.
 */
import { readFile } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import { CliError, type CliContext } from '../src/cli/context.ts';
import { renderCommandHelp, renderRootHelp } from '../src/config/help.ts';
import { loadConfig, type ReadTextFile } from '../src/config/load.ts';
import type { SystemFacts } from '../src/config/types.ts';
import { SKIFF_VERSION } from '../src/version.ts';

interface SubcommandEntry {
  readonly name: string;
  readonly usage: string;
  run(context: CliContext): Promise<number>;
}

/** The registry of subcommands; an unknown name fails with the list of these. */
const SUBCOMMANDS: readonly SubcommandEntry[] = [
  {
    name: 'server',
    usage: 'Run management server',
    run: async (context) => {
      if (asksForHelp(context.args)) return printCommandHelp('server', context);
      const config = await loadConfig({ command: 'server', ...configSources(context) });
      const { runServer } = await import('./server/main.ts');
      await runServer(config, context.signal);
      return 0;
    },
  },
  {
    name: 'agent',
    usage: 'Run node agent',
    run: async (context) => {
      if (asksForHelp(context.args)) return printCommandHelp('agent', context);
      const config = await loadConfig({ command: 'agent', ...configSources(context) });
      const { runAgent } = await import('./agent/main.ts');
      await runAgent(config, context.signal);
      return 0;
    },
  },
  {
    name: 'kubectl',
    usage: 'Run kubectl with the admin kubeconfig',
    run: async (context) => {
      const { runKubectlCommand } = await import('../src/cli/kubectl.ts');
      const { runProgramInForeground } = await import('../src/cli/run-program.ts');
      return runKubectlCommand(context, runProgramInForeground);
    },
  },
  {
    name: 'token',
    usage: 'Manage join tokens (list)',
    run: async (context) => {
      const { runTokenCommand } = await import('../src/cli/token.ts');
      return runTokenCommand(context);
    },
  },
  {
    name: 'check-config',
    usage: 'Check the kernel features and tools a node needs',
    run: async (context) => {
      if (asksForHelp(context.args)) {
        context.print('Usage: skiff check-config\n\nChecks kernel features and tools; exits 1 when a required one is missing.');
        return 0;
      }
      if (context.args.length > 0) throw new CliError(`"skiff check-config" takes no arguments, got "${context.args[0]}"`);
      const { runCheckConfigCommand } = await import('../src/cli/check-config/command.ts');
      const { nodeHostProbe } = await import('../src/cli/check-config/host-probe.ts');
      return runCheckConfigCommand(context, nodeHostProbe({ path: context.env.PATH }));
    },
  },
];

function asksForHelp(args: readonly string[]): boolean {
  const flags = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return flags.some((arg) => arg === '--help' || arg === '-h' || arg === '-help');
}

function printCommandHelp(command: 'server' | 'agent', context: CliContext): number {
  context.print(renderCommandHelp({ command, system: context.system }));
  return 0;
}

function configSources(context: CliContext) {
  return { argv: context.args, env: context.env, system: context.system, readTextFile: context.readTextFile };
}

/** Everything the process knows about itself, gathered once here rather than at import time anywhere else. */
function systemFacts(): SystemFacts {
  return { uid: process.getuid?.() ?? -1, home: homedir(), hostname: hostname() };
}

const readTextFile: ReadTextFile = async (path) => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
};

function print(line: string): void {
  process.stdout.write(line.endsWith('\n') ? line : `${line}\n`);
}

async function dispatch(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const [name, ...args] = argv;
  const commands = SUBCOMMANDS.map(({ name: commandName, usage }) => ({ name: commandName, usage }));
  if (name === undefined || name === '--help' || name === '-h' || ((name === 'help' || name === 'h') && args.length === 0)) {
    print(renderRootHelp({ version: SKIFF_VERSION, commands }));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    print(`skiff version ${SKIFF_VERSION}\nnode version ${process.version}`);
    return 0;
  }
  // `skiff help server` is `skiff server --help`, as urfave/cli.
  const [commandName, commandArgs] = name === 'help' || name === 'h' ? [args[0]!, ['--help']] : [name, args];
  const command = SUBCOMMANDS.find((entry) => entry.name === commandName);
  if (!command) {
    throw new CliError(
      `unknown command "${commandName}": expected one of ${SUBCOMMANDS.map((entry) => entry.name).join(', ')} (see "skiff --help")`,
    );
  }
  return command.run({ args: commandArgs, env: process.env, system: systemFacts(), signal, print, readTextFile });
}

function wantsStackTraces(argv: readonly string[]): boolean {
  const debug = process.env.SKIFF_DEBUG;
  const fromEnv = debug !== undefined && debug !== '' && !['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(debug);
  return fromEnv || argv.some((arg) => arg === '--debug' || arg === '--debug=true' || arg === '-debug');
}

/** One line per error: messages of nested components can span lines; a supervisor log should not. */
function oneLine(message: string): string {
  return message.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
}

async function supervise(argv: readonly string[]): Promise<void> {
  const controller = new AbortController();
  let signalsSeen = 0;
  const onSignal = (name: NodeJS.Signals) => {
    signalsSeen += 1;
    // A second Ctrl-C means the orderly stop is taking too long for the user: stop now.
    if (signalsSeen > 1) process.exit(130);
    controller.abort(new Error(`received ${name}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let exitCode: number;
  try {
    exitCode = await dispatch(argv, controller.signal);
  } catch (error) {
    const where = argv[0] && SUBCOMMANDS.some((entry) => entry.name === argv[0]) ? `skiff ${argv[0]}` : 'skiff';
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${where}: ${oneLine(message)}\n`);
    if (wantsStackTraces(argv) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    exitCode = error instanceof CliError ? error.exitCode : 1;
  }
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.exitCode = exitCode;
  // Let stdout drain and exit naturally; a handle some component leaked after stopping
  // must not keep a finished process alive, so exit anyway shortly after.
  setTimeout(() => process.exit(exitCode), 1000).unref();
}

await supervise(process.argv.slice(2));
