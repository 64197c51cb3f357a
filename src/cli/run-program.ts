import { constants } from 'node:os';

/** How a child program ended: its exit status, or that it could not be found. */
export type ProgramOutcome = { readonly exitCode: number } | { readonly notFound: true };

/** Runs a program in the foreground (stdio inherited) and waits for it. */
export type RunProgram = (options: {
  file: string;
  args: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}) => Promise<ProgramOutcome>;

/**
 * The execa adapter. The child shares the terminal's process group, so Ctrl-C reaches it
 * directly; a child killed by a signal reports 128+N, as shells do.
 */
export const runProgramInForeground: RunProgram = async ({ file, args, env }) => {
  // Loaded on demand: only `skiff kubectl` needs it, and start-up of `skiff server` must stay light.
  const { execa } = await import('execa');
  const result = await execa(file, [...args], { stdio: 'inherit', env, extendEnv: false, reject: false });
  if (result.failed && result.exitCode === undefined && result.signal === undefined && result.code === 'ENOENT') {
    return { notFound: true };
  }
  if (result.exitCode !== undefined) return { exitCode: result.exitCode };
  const signalNumber = result.signal ? constants.signals[result.signal] : undefined;
  return { exitCode: signalNumber === undefined ? 1 : 128 + signalNumber };
};
