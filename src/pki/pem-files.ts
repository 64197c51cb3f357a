/**
 * The only file-system access of the pki package (node:fs works on Node, Bun and Deno).
 * Secret material is written with an explicit chmod after the write, because the mode
 * given to writeFile applies only when the file is created.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Mode for private keys and tokens (k3s writes them 0600). */
export const SECRET_FILE_MODE = 0o600;
/** Mode for certificates, which are public. */
export const PUBLIC_FILE_MODE = 0o644;

export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface WriteTextFileOptions {
  path: string;
  text: string;
  /** Exact permission bits of the file. */
  mode: number;
  /** Mode of parent folders this call creates; existing folders are left alone. Default 0700. */
  folderMode?: number;
}

/** Writes a file with exactly `mode`, creating missing parent folders. */
export async function writeTextFile(options: WriteTextFileOptions): Promise<void> {
  await mkdir(dirname(options.path), { recursive: true, mode: options.folderMode ?? 0o700 });
  await writeFile(options.path, options.text, { mode: options.mode });
  await chmod(options.path, options.mode);
}
