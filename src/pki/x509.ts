/**
 * The one place that prepares @peculiar/x509: it reads class metadata through
 * reflect-metadata and must be told which WebCrypto to use. Node 20, Bun and Deno
 * all expose the same `globalThis.crypto`, so certificates work identically on each.
 * Every other pki module imports `x509` from here, never from the package directly.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
