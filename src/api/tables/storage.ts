/** Storage printers: persistentvolumes, persistentvolumeclaims and storageclasses, as upstream's printers.go. */
import type { KubeObject } from '../meta/object.ts';
import type { TablePrinter } from '../resources/types.ts';
import { asArray, asString, field, nameOf, quantity } from './cell-format.ts';
import { ageColumn, column, described, nameColumn } from './columns.ts';
import { ageSince } from './human-duration.ts';

const betaStorageClassAnnotation = 'volume.beta.kubernetes.io/storage-class';

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, each once. */
function accessModes(modes: unknown): string {
  const list = asArray(modes) as unknown as string[];
  const short: Array<[string, string]> = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short.filter(([mode]) => list.includes(mode)).map(([, s]) => s).join(',');
}

/** The beta annotation still wins over spec.storageClassName, as upstream's helpers read it. */
function storageClassOf(obj: KubeObject): string {
  const annotated = obj.metadata.annotations?.[betaStorageClassAnnotation];
  return annotated !== undefined ? annotated : asString(field(obj, 'spec', 'storageClassName'));
}

export const persistentVolumePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Capacity', 'string', 'PersistentVolumeSpec.capacity'),
    column('Access Modes', 'string', 'PersistentVolumeSpec.accessModes'),
    column('Reclaim Policy', 'string', 'PersistentVolumeSpec.persistentVolumeReclaimPolicy'),
    column('Status', 'string', 'PersistentVolumeStatus.phase'),
    column('Claim', 'string', 'PersistentVolumeSpec.claimRef'),
    column('StorageClass', 'string', described('StorageClass of the pv')),
    column('VolumeAttributesClass', 'string', described('VolumeAttributesClass of the pv')),
    column('Reason', 'string', 'PersistentVolumeStatus.reason'),
    ageColumn,
    column('VolumeMode', 'string', 'PersistentVolumeSpec.volumeMode', 1),
  ],
  cells(pv, now) {
    const claim = field(pv, 'spec', 'claimRef');
    const vac = field(pv, 'spec', 'volumeAttributesClassName');
    const volumeMode = field(pv, 'spec', 'volumeMode');
    return [
      nameOf(pv),
      quantity(field(pv, 'spec', 'capacity', 'storage')),
      accessModes(field(pv, 'spec', 'accessModes')),
      asString(field(pv, 'spec', 'persistentVolumeReclaimPolicy')),
      pv.metadata.deletionTimestamp ? 'Terminating' : asString(field(pv, 'status', 'phase')),
      claim ? `${asString(claim.namespace)}/${asString(claim.name)}` : '',
      storageClassOf(pv),
      typeof vac === 'string' ? vac : '<unset>',
      asString(field(pv, 'status', 'reason')),
      ageSince(pv.metadata.creationTimestamp, now),
      typeof volumeMode === 'string' ? volumeMode : '<unset>',
    ];
  },
};

export const persistentVolumeClaimPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Status', 'string', 'PersistentVolumeClaimStatus.phase'),
    column('Volume', 'string', 'PersistentVolumeClaimSpec.volumeName'),
    column('Capacity', 'string', 'PersistentVolumeClaimStatus.capacity'),
    column('Access Modes', 'string', 'PersistentVolumeClaimStatus.accessModes'),
    column('StorageClass', 'string', described('StorageClass of the pvc')),
    column('VolumeAttributesClass', 'string', described('VolumeAttributesClass of the pvc')),
    ageColumn,
    column('VolumeMode', 'string', 'PersistentVolumeClaimSpec.volumeMode', 1),
  ],
  cells(pvc, now) {
    const volumeName = asString(field(pvc, 'spec', 'volumeName'));
    const vac = field(pvc, 'spec', 'volumeAttributesClassName');
    const volumeMode = field(pvc, 'spec', 'volumeMode');
    // Capacity and access modes show only once the claim is bound to a volume.
    const bound = volumeName !== '';
    return [
      nameOf(pvc),
      pvc.metadata.deletionTimestamp ? 'Terminating' : asString(field(pvc, 'status', 'phase')),
      volumeName,
      bound ? quantity(field(pvc, 'status', 'capacity', 'storage')) : '',
      bound ? accessModes(field(pvc, 'status', 'accessModes')) : '',
      storageClassOf(pvc),
      typeof vac === 'string' ? vac : '<unset>',
      ageSince(pvc.metadata.creationTimestamp, now),
      typeof volumeMode === 'string' ? volumeMode : '<unset>',
    ];
  },
};

export const storageClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Provisioner', 'string', 'StorageClass.provisioner'),
    column('ReclaimPolicy', 'string', 'StorageClass.reclaimPolicy'),
    column('VolumeBindingMode', 'string', 'StorageClass.volumeBindingMode'),
    column('AllowVolumeExpansion', 'string', 'StorageClass.allowVolumeExpansion'),
    ageColumn,
  ],
  cells(sc, now) {
    const annotations = sc.metadata.annotations ?? {};
    const isDefault =
      annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    const reclaim = field(sc, 'reclaimPolicy');
    const binding = field(sc, 'volumeBindingMode');
    return [
      isDefault ? `${nameOf(sc)} (default)` : nameOf(sc),
      asString(field(sc, 'provisioner')),
      typeof reclaim === 'string' ? reclaim : 'Delete',
      typeof binding === 'string' ? binding : 'Immediate',
      field(sc, 'allowVolumeExpansion') === true,
      ageSince(sc.metadata.creationTimestamp, now),
    ];
  },
};
