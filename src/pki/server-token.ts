/**
 * DATA/server/token: the full join token, written once and reused on every start
 * (k3s writes the same file). Call after ensureClusterPki: the token pins the server CA.
 */
import { join } from 'node:path';
import { TLS_FILES } from './cluster-pki.ts';
import { formatJoinToken, generateTokenSecret, parseJoinToken, tokenMatchesCa } from './join-token.ts';
import { SECRET_FILE_MODE, readTextIfExists, writeTextFile } from './pem-files.ts';

/**
 * Returns the full token. `given` is the --token flag (full form or bare secret).
 * Throws when `given` pins another CA or disagrees with the stored token, because
 * agents that joined with the stored one would be locked out (k3s refuses the same way).
 */
export async function ensureServerToken(dataDir: string, given?: string): Promise<string> {
  const caPath = join(dataDir, 'server', 'tls', TLS_FILES.serverCaCert);
  const caPem = await readTextIfExists(caPath);
  if (caPem === undefined) throw new Error(`${caPath} is missing: create the cluster PKI before the token`);

  const tokenPath = join(dataDir, 'server', 'token');
  const stored = (await readTextIfExists(tokenPath))?.trim();
  const wanted = given?.trim() ? parseJoinToken(given) : undefined;

  if (wanted && !(await tokenMatchesCa(wanted, caPem))) {
    throw new Error(`--token pins a CA hash that does not match ${caPath}`);
  }
  if (stored) {
    const storedToken = parseJoinToken(stored);
    if (wanted && wanted.secret !== storedToken.secret) {
      throw new Error(`--token differs from the token stored in ${tokenPath}; pass the stored token or remove the file`);
    }
    // Re-derive the hash so a regenerated CA never leaves a stale pin in the file.
    const full = await formatJoinToken(caPem, storedToken.secret, storedToken.username);
    if (full !== stored) await writeTextFile({ path: tokenPath, text: full + '\n', mode: SECRET_FILE_MODE });
    return full;
  }
  const full = await formatJoinToken(caPem, wanted?.secret ?? generateTokenSecret(), wanted?.username);
  await writeTextFile({ path: tokenPath, text: full + '\n', mode: SECRET_FILE_MODE });
  return full;
}
