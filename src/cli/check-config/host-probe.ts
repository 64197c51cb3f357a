import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { release } from 'node:os';
import { gunzipSync } from 'node:zlib';

/**
 * The only way check-config looks at the machine, so the checks run against a fake
 * host in tests (STYLE.md §1: an interface at every seam).
 */
export interface HostProbe {
  /** Full path of an executable on the search path, or undefined. */
  findExecutable(name: string): Promise<string | undefined>;
  /** A file's text (gunzipped when the name ends in .gz), or undefined when absent or unreadable. */
  readText(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
  /** `uname -r`. */
  kernelRelease(): string;
}

// Non-root shells often lack the sbin folders where iptables, ip and nsenter live.
const SBIN_FOLDERS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** The real host: PATH (plus the sbin folders) and the files under /proc, /sys, /boot and /lib/modules. */
export function nodeHostProbe(options: { path: string | undefined }): HostProbe {
  const folders = [...new Set([...(options.path ?? '').split(':').filter((folder) => folder !== ''), ...SBIN_FOLDERS])];
  const isExecutable = async (path: string) => {
    try {
      await access(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  return {
    findExecutable: async (name) => {
      for (const folder of folders) {
        const candidate = `${folder}/${name}`;
        if (await isExecutable(candidate)) return candidate;
      }
      return undefined;
    },
    readText: async (path) => {
      try {
        const bytes = await readFile(path);
        return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      } catch {
        return undefined;
      }
    },
    exists: async (path) => {
      try {
        await access(path);
        return true;
      } catch {
        return false;
      }
    },
    kernelRelease: () => release(),
  };
}
