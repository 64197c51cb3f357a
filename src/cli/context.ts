import type { ReadTextFile } from '../config/load.ts';
import type { SystemFacts } from '../config/types.ts';

/** What every subcommand gets from cmd/skiff.ts, so none reads process globals itself. */
export interface CliContext {
  /** Arguments after the subcommand name. */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly system: SystemFacts;
  /** Aborted by SIGINT/SIGTERM in the one supervisor. */
  readonly signal: AbortSignal;
  readonly print: (line: string) => void;
  readonly readTextFile: ReadTextFile;
}

/** An error the user caused or can fix: printed as one line, exit status non-zero. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
