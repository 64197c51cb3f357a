/** Configuration printers: configmaps (DATA), secrets (TYPE DATA) and serviceaccounts (SECRETS). */
import type { TablePrinter } from '../resources/types.ts';
import { asArray, asString, field, nameOf } from './cell-format.ts';
import { ageColumn, column, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';

const count = (value: unknown) => (value && typeof value === 'object' ? Object.keys(value).length : 0);

export const configMapPrinter: TablePrinter = {
  columns: [nameColumn, column('Data', 'string', 'ConfigMap.data'), ageColumn],
  cells(cm, now) {
    return [nameOf(cm), count(field(cm, 'data')) + count(field(cm, 'binaryData')), ageSince(cm.metadata.creationTimestamp, now)];
  },
};

export const secretPrinter: TablePrinter = {
  columns: [nameColumn, column('Type', 'string', 'Secret.type'), column('Data', 'string', 'Secret.data'), ageColumn],
  cells(secret, now) {
    return [nameOf(secret), asString(field(secret, 'type')), count(field(secret, 'data')), ageSince(secret.metadata.creationTimestamp, now)];
  },
};

export const serviceAccountPrinter: TablePrinter = {
  columns: [nameColumn, column('Secrets', 'string', 'ServiceAccount.secrets'), ageColumn],
  cells(sa, now) {
    return [nameOf(sa), asArray(field(sa, 'secrets')).length, ageSince(sa.metadata.creationTimestamp, now)];
  },
};
