import { mkdtemp, rm, stat, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { x509 } from './x509.ts';
import { ensureClusterPki, TLS_FILES } from './cluster-pki.ts';
import { sansOfCertificate } from './serving-sans.ts';

const sans = { dns: ['edge-1'], ips: ['192.168.1.10', '10.43.0.1'] };
let tlsDir: string;

beforeEach(async () => {
  tlsDir = join(await mkdtemp(join(tmpdir(), 'skiff-pki-')), 'server', 'tls');
});
afterEach(async () => {
  await rm(join(tlsDir, '..', '..'), { recursive: true, force: true });
});

describe('ensureClusterPki()', () => {
  it('signs the serving certificate with the server CA and the admin certificate with the client CA', async () => {
    const pki = await ensureClusterPki({ tlsDir, sans });
    const serving = new x509.X509Certificate(pki.serving.certPem);
    const admin = new x509.X509Certificate(pki.admin.certPem);
    expect(await serving.verify({ publicKey: pki.serverCa.certificate.publicKey, signatureOnly: true })).toBe(true);
    expect(await admin.verify({ publicKey: pki.clientCa.certificate.publicKey, signatureOnly: true })).toBe(true);
    expect(await admin.verify({ publicKey: pki.serverCa.certificate.publicKey, signatureOnly: true })).toBe(false);
    expect(pki.serverCa.certificate.subject).not.toBe(pki.clientCa.certificate.subject);
    expect(pki.serverCa.certificate.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
  });

  it('names loopback, the kubernetes service names and every given SAN in the serving certificate', async () => {
    const pki = await ensureClusterPki({ tlsDir, sans });
    expect(sansOfCertificate(new x509.X509Certificate(pki.serving.certPem))).toEqual({
      dns: ['edge-1', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', 'localhost'],
      ips: ['10.43.0.1', '127.0.0.1', '192.168.1.10', '::1'],
    });
    const usage = new x509.X509Certificate(pki.serving.certPem).getExtension(x509.ExtendedKeyUsageExtension);
    expect(usage?.usages).toEqual([x509.ExtendedKeyUsage.serverAuth]);
  });

  it('issues the admin certificate to system:admin in group system:masters', async () => {
    const pki = await ensureClusterPki({ tlsDir, sans });
    const admin = new x509.X509Certificate(pki.admin.certPem);
    expect(admin.subjectName.getField('CN')).toEqual(['system:admin']);
    expect(admin.subjectName.getField('O')).toEqual(['system:masters']);
  });

  it('writes every key 0600 and every certificate 0644', async () => {
    await ensureClusterPki({ tlsDir, sans });
    for (const name of Object.values(TLS_FILES)) {
      const mode = (await stat(join(tlsDir, name))).mode & 0o777;
      expect([name, mode]).toEqual([name, name.endsWith('.key') ? 0o600 : 0o644]);
    }
  });

  it('reuses everything on a second start with the same SANs', async () => {
    const first = await ensureClusterPki({ tlsDir, sans });
    const second = await ensureClusterPki({ tlsDir, sans });
    expect(second.serverCa.certPem).toBe(first.serverCa.certPem);
    expect(second.clientCa.certPem).toBe(first.clientCa.certPem);
    expect(second.serving).toEqual(first.serving);
    expect(second.admin).toEqual(first.admin);
    expect(second.serviceAccountKeyPem).toBe(first.serviceAccountKeyPem);
  });

  it('regenerates only the serving certificate when a SAN is added', async () => {
    const first = await ensureClusterPki({ tlsDir, sans });
    const second = await ensureClusterPki({ tlsDir, sans: { dns: [...sans.dns, 'skiff.example.com'], ips: sans.ips } });
    expect(second.serving.certPem).not.toBe(first.serving.certPem);
    expect(sansOfCertificate(new x509.X509Certificate(second.serving.certPem)).dns).toContain('skiff.example.com');
    expect(second.serverCa.certPem).toBe(first.serverCa.certPem);
    expect(second.admin).toEqual(first.admin);
    expect(await readFile(join(tlsDir, TLS_FILES.servingCert), 'utf8')).toBe(second.serving.certPem);
  });

  it('renews leaf certificates within 90 days of expiry but keeps the CAs', async () => {
    const start = new Date('2030-01-01T00:00:00Z');
    const first = await ensureClusterPki({ tlsDir, sans, now: start });
    const later = new Date('2030-11-01T00:00:00Z');
    const second = await ensureClusterPki({ tlsDir, sans, now: later });
    expect(second.serverCa.certPem).toBe(first.serverCa.certPem);
    expect(second.admin.certPem).not.toBe(first.admin.certPem);
    expect(new x509.X509Certificate(second.serving.certPem).notAfter.getTime()).toBeGreaterThan(later.getTime());
  });

  it('refuses to replace a CA certificate whose key is missing', async () => {
    await ensureClusterPki({ tlsDir, sans });
    await rm(join(tlsDir, TLS_FILES.serverCaKey));
    await expect(ensureClusterPki({ tlsDir, sans })).rejects.toThrow(/server-ca\.key is missing/);
  });
});
