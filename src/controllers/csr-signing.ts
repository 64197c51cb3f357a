import { WorkQueue, type KubeObject } from '../client/index.ts';
import { loadCertificateAuthority, signCertificateRequest, type CertificateAuthority } from '../pki/index.ts';
import { resources, runWorkers, type Controller, type ControllerContext } from './framework/index.ts';
import { shouldSign } from './csr-signing/plan.ts';

/**
 * kube-controller-manager's csrsigning controller: approved CertificateSigningRequests for the
 * built-in signers get a certificate from the cluster's client CA (client signers) or server
 * CA (kubelet serving), written to status.certificate. Keys are CSR names.
 */
export const csrSigningController: Controller = {
  name: 'csrsigning',
  eventSource: 'csrsigning-controller',
  async start(ctx: ControllerContext, signal: AbortSignal): Promise<void> {
    const csrs = ctx.informers.informerFor(resources.certificateSigningRequests);
    const queue = new WorkQueue<string>({ clock: ctx.clock });
    csrs.addEventHandler({ onAdd: (c) => queue.add(c.metadata.name!), onUpdate: (_, c) => queue.add(c.metadata.name!) });
    if (!(await ctx.informers.waitForCacheSync(signal))) return;
    const signers = ctx.options.certificateSigners;
    if (!signers) return;
    const cas: Partial<Record<'client' | 'serving', Promise<CertificateAuthority>>> = {};
    const caFor = (which: 'client' | 'serving') => (cas[which] ??= loadCertificateAuthority(signers[which]));
    const client = ctx.client(resources.certificateSigningRequests);
    await runWorkers({
      queue,
      workers: 1,
      signal,
      reconcile: async (name) => {
        const csr = csrs.get(name);
        if (!csr) return;
        const which = shouldSign(csr);
        if (!which) return;
        const spec = csr.spec as { request: string; usages?: string[]; expirationSeconds?: number };
        let certificatePem: string;
        try {
          certificatePem = await signCertificateRequest({
            ca: await caFor(which),
            requestPem: Buffer.from(spec.request, 'base64').toString('utf8'),
            usages: spec.usages ?? [],
            expirationSeconds: spec.expirationSeconds,
            now: ctx.now(),
          });
        } catch (e) {
          ctx.events.record(csr, 'Warning', 'SigningFailed', `error signing the certificate request: ${(e as Error).message}`);
          return;
        }
        const next = structuredClone(csr) as KubeObject;
        next.status = { ...(next.status as object), certificate: Buffer.from(certificatePem).toString('base64') };
        await client.updateStatus(next);
      },
    });
  },
};
