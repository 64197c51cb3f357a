/**
 * `kubectl get csr`: NAME AGE SIGNERNAME REQUESTOR REQUESTEDDURATION CONDITION, as upstream's
 * printCertificateSigningRequest: CONDITION joins Approved/Denied/Failed and adds Issued once a
 * certificate is present, or says Pending.
 */
import type { TablePrinter } from '../resources/types.ts';
import type { KubeObject } from '../meta/object.ts';
import { asString, field, nameOf } from './cell-format.ts';
import { ageColumn, column, described, nameColumn } from './columns.ts';
import { ageSince, humanDuration } from './human-duration.ts';

export const certificateSigningRequestPrinter: TablePrinter = {
  columns: [
    nameColumn,
    ageColumn,
    column('SignerName', 'string', described('Name of the signer that is asked to sign the certificate.')),
    column('Requestor', 'string', described('Name of the user who created the request.')),
    column('RequestedDuration', 'string', described('Validity period the requester asked for.')),
    column('Condition', 'string', described('Approval and issuance state of the request.')),
  ],
  cells(csr, now) {
    const seconds = field(csr, 'spec', 'expirationSeconds');
    return [
      nameOf(csr),
      ageSince(csr.metadata.creationTimestamp, now),
      asString(field(csr, 'spec', 'signerName')) || '<none>',
      asString(field(csr, 'spec', 'username')) || '<none>',
      typeof seconds === 'number' ? humanDuration(seconds * 1000) : '<none>',
      condition(csr),
    ];
  },
};

function condition(csr: KubeObject): string {
  const status = (csr.status ?? {}) as { conditions?: { type: string; status?: string }[]; certificate?: string };
  const states: string[] = (status.conditions ?? []).filter((c) => c.status !== 'False').map((c) => c.type).filter((t) => t === 'Approved' || t === 'Denied' || t === 'Failed');
  if (status.certificate) states.push('Issued');
  return states.length ? states.join(',') : 'Pending';
}
