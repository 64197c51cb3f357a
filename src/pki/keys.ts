/**
 * ECDSA P-256 key handling over WebCrypto. Private keys are stored as PKCS#8
 * ("PRIVATE KEY") PEM, which Go's crypto/tls (kubectl, Helm), OpenSSL (the Python
 * client) and Node's tls all accept.
 */
import { x509 } from './x509.ts';

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export async function generateKeyPair(): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') + '\n';
}

export async function exportPublicKeyPem(key: CryptoKey): Promise<string> {
  const spki = await crypto.subtle.exportKey('spki', key);
  return x509.PemConverter.encode(spki, 'PUBLIC KEY') + '\n';
}

/** Imports a PKCS#8 PEM ECDSA P-256 private key; extractable so its public half can be derived. */
export async function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  const [der] = x509.PemConverter.decode(pem);
  if (!der) throw new Error('no PEM block found in private key');
  return crypto.subtle.importKey('pkcs8', der, EC_P256, true, ['sign']);
}

export async function importPublicKeyPem(pem: string): Promise<CryptoKey> {
  const [der] = x509.PemConverter.decode(pem);
  if (!der) throw new Error('no PEM block found in public key');
  return crypto.subtle.importKey('spki', der, EC_P256, true, ['verify']);
}

/** WebCrypto cannot export a public key from a private one directly; the JWK without `d` is the public key. */
export async function publicKeyOf(privateKey: CryptoKey): Promise<CryptoKey> {
  const { d: _private, key_ops: _ops, ...publicJwk } = await crypto.subtle.exportKey('jwk', privateKey);
  return crypto.subtle.importKey('jwk', publicJwk, EC_P256, true, ['verify']);
}

/** Both halves of a stored private key, as the pki helpers want them. */
export async function importKeyPairPem(pem: string): Promise<CryptoKeyPair> {
  const privateKey = await importPrivateKeyPem(pem);
  return { privateKey, publicKey: await publicKeyOf(privateKey) };
}
