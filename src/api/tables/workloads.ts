/**
 * Workload printers: deployments, replicasets, statefulsets, daemonsets, jobs, cronjobs,
 * controllerrevisions, replicationcontrollers and podtemplates, as upstream's printers.go.
 * Cells for every column are always produced: the server prints wide, kubectl hides priority 1.
 */
import type { KubeObject } from '../meta/object.ts';
import type { TablePrinter } from '../resources/types.ts';
import { labelSelectorString } from '../selectors/label-selector-format.ts';
import { asArray, asNumber, asString, boolPtr, containerCells, field, formatLabelSelector, formatLabels, nameOf } from './cell-format.ts';
import { ageColumn, column, containersColumn, described, imagesColumn, nameColumn } from './columns.ts';
import { ageSince, humanDuration, parseTimestamp } from './human-duration.ts';

const age = (obj: KubeObject, now: Date) => ageSince(obj.metadata.creationTimestamp, now);
const templateContainers = (obj: KubeObject) => containerCells(field(obj, 'spec', 'template', 'spec', 'containers'));
// Defaulting sets spec.replicas on stored objects; a missing value reads as the default, 1.
const desiredReplicas = (obj: KubeObject) => (typeof field(obj, 'spec', 'replicas') === 'number' ? field(obj, 'spec', 'replicas') : 1);

export const deploymentPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Ready', 'string', described('Number of the pod with ready state')),
    column('Up-to-date', 'string', 'DeploymentStatus.updatedReplicas'),
    column('Available', 'string', 'DeploymentStatus.availableReplicas'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'DeploymentSpec.selector', 1),
  ],
  cells(obj, now) {
    const [names, images] = templateContainers(obj);
    // Unlike other workloads, an unconvertible selector reads <invalid> and an empty one ''.
    const selector = labelSelectorString(field(obj, 'spec', 'selector')) ?? '<invalid>';
    return [
      nameOf(obj),
      `${asNumber(field(obj, 'status', 'readyReplicas'))}/${desiredReplicas(obj)}`,
      asNumber(field(obj, 'status', 'updatedReplicas')),
      asNumber(field(obj, 'status', 'availableReplicas')),
      age(obj, now),
      names,
      images,
      selector,
    ];
  },
};

/**
 * ReplicaSets and ReplicationControllers print alike (NAME DESIRED CURRENT READY AGE, wide:
 * CONTAINERS IMAGES SELECTOR); only the selector's form differs (LabelSelector vs a map).
 */
function replicaSetLikePrinter(kind: 'ReplicaSet' | 'ReplicationController', selector: (value: unknown) => string): TablePrinter {
  return {
    columns: [
      nameColumn,
      column('Desired', 'integer', `${kind}Spec.replicas`),
      column('Current', 'integer', `${kind}Status.replicas`),
      column('Ready', 'integer', `${kind}Status.readyReplicas`),
      ageColumn,
      containersColumn,
      imagesColumn,
      column('Selector', 'string', `${kind}Spec.selector`, 1),
    ],
    cells(obj, now) {
      const [names, images] = templateContainers(obj);
      return [
        nameOf(obj),
        desiredReplicas(obj),
        asNumber(field(obj, 'status', 'replicas')),
        asNumber(field(obj, 'status', 'readyReplicas')),
        age(obj, now),
        names,
        images,
        selector(field(obj, 'spec', 'selector')),
      ];
    },
  };
}

export const replicaSetPrinter = replicaSetLikePrinter('ReplicaSet', formatLabelSelector);
export const replicationControllerPrinter = replicaSetLikePrinter('ReplicationController', formatLabels);

export const statefulSetPrinter: TablePrinter = {
  columns: [nameColumn, column('Ready', 'string', described('Number of the pod with ready state')), ageColumn, containersColumn, imagesColumn],
  cells(obj, now) {
    const [names, images] = templateContainers(obj);
    return [nameOf(obj), `${asNumber(field(obj, 'status', 'readyReplicas'))}/${desiredReplicas(obj)}`, age(obj, now), names, images];
  },
};

export const daemonSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Desired', 'integer', 'DaemonSetStatus.desiredNumberScheduled'),
    column('Current', 'integer', 'DaemonSetStatus.currentNumberScheduled'),
    column('Ready', 'integer', 'DaemonSetStatus.numberReady'),
    column('Up-to-date', 'integer', 'DaemonSetStatus.updatedNumberScheduled'),
    column('Available', 'integer', 'DaemonSetStatus.numberAvailable'),
    column('Node Selector', 'string', 'PodSpec.nodeSelector'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'DaemonSetSpec.selector', 1),
  ],
  cells(obj, now) {
    const [names, images] = templateContainers(obj);
    const status = (name: string) => asNumber(field(obj, 'status', name));
    return [
      nameOf(obj),
      status('desiredNumberScheduled'),
      status('currentNumberScheduled'),
      status('numberReady'),
      status('updatedNumberScheduled'),
      status('numberAvailable'),
      formatLabels(field(obj, 'spec', 'template', 'spec', 'nodeSelector')),
      age(obj, now),
      names,
      images,
      formatLabelSelector(field(obj, 'spec', 'selector')),
    ];
  },
};

export const jobPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Status', 'string', described('Status of the job.')),
    column('Completions', 'string', 'JobStatus.succeeded'),
    column('Duration', 'string', described('Time required to complete the job.')),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'JobSpec.selector', 1),
  ],
  cells(obj, now) {
    const [names, images] = templateContainers(obj);
    return [nameOf(obj), jobStatus(obj), jobCompletions(obj), jobDuration(obj, now), age(obj, now), names, images, formatLabelSelector(field(obj, 'spec', 'selector'))];
  },
};

function jobCompletions(obj: KubeObject): string {
  const succeeded = asNumber(field(obj, 'status', 'succeeded'));
  const completions = field(obj, 'spec', 'completions');
  if (typeof completions === 'number') return `${succeeded}/${completions}`;
  const parallelism = asNumber(field(obj, 'spec', 'parallelism'));
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(obj: KubeObject, now: Date): string {
  const start = parseTimestamp(field(obj, 'status', 'startTime'));
  if (!start) return '';
  const end = parseTimestamp(field(obj, 'status', 'completionTime')) ?? now;
  return humanDuration(end.getTime() - start.getTime());
}

/** Complete, Failed, Terminating, Suspended, FailureTarget or Running, in upstream's order of precedence. */
function jobStatus(obj: KubeObject): string {
  const conditions = asArray(field(obj, 'status', 'conditions'));
  const has = (type: string) => conditions.find((c) => c.type === type)?.status === 'True';
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (obj.metadata.deletionTimestamp) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  return 'Running';
}

export const cronJobPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Schedule', 'string', 'CronJobSpec.schedule'),
    column('Timezone', 'string', 'CronJobSpec.timeZone'),
    column('Suspend', 'boolean', 'CronJobSpec.suspend'),
    column('Active', 'integer', 'CronJobStatus.active'),
    column('Last Schedule', 'string', 'CronJobStatus.lastScheduleTime'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'JobSpec.selector', 1),
  ],
  cells(obj, now) {
    const [names, images] = containerCells(field(obj, 'spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers'));
    const lastSchedule = field(obj, 'status', 'lastScheduleTime');
    return [
      nameOf(obj),
      asString(field(obj, 'spec', 'schedule')),
      asString(field(obj, 'spec', 'timeZone')) || '<none>',
      boolPtr(field(obj, 'spec', 'suspend')),
      asArray(field(obj, 'status', 'active')).length,
      lastSchedule ? ageSince(lastSchedule, now) : '<none>',
      age(obj, now),
      names,
      images,
      formatLabelSelector(field(obj, 'spec', 'jobTemplate', 'spec', 'selector')),
    ];
  },
};

export const controllerRevisionPrinter: TablePrinter = {
  columns: [nameColumn, column('Controller', 'string', described('Controller of the object')), column('Revision', 'string', 'ControllerRevision.revision'), ageColumn],
  cells(obj, now) {
    const owner = (obj.metadata.ownerReferences ?? []).find((o) => o.controller === true);
    // `kind.group/name` in lower case, as formatResourceName with the owner's GroupKind.
    let controller = '<none>';
    if (owner) {
      const slash = owner.apiVersion.indexOf('/');
      const group = slash < 0 ? '' : owner.apiVersion.slice(0, slash);
      const groupKind = group ? `${owner.kind}.${group}` : owner.kind;
      controller = groupKind ? `${groupKind.toLowerCase()}/${owner.name}` : owner.name;
    }
    return [nameOf(obj), controller, asNumber(field(obj, 'revision')), age(obj, now)];
  },
};

export const podTemplatePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Containers', 'string', described('Names of each container in the template.')),
    column('Images', 'string', described('Images referenced by each container in the template.')),
    column('Pod Labels', 'string', described('The labels for the pod template.')),
  ],
  cells(obj) {
    const [names, images] = containerCells(field(obj, 'template', 'spec', 'containers'));
    return [nameOf(obj), names, images, formatLabels(field(obj, 'template', 'metadata', 'labels'))];
  },
};
