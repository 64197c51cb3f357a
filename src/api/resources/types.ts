import type { KubeObject } from '../meta/object.ts';
import type { StatusCause } from '../errors.ts';

/** A column of a server-side Table (meta.k8s.io/v1 TableColumnDefinition). */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string; // 'name' for the NAME column
  description?: string;
  /** 0 = shown by default; >0 only with -o wide. */
  priority: number;
}

/** How a resource prints: the columns and one function that computes a row's cells. */
export interface TablePrinter {
  columns: TableColumn[];
  /** One cell per column, in order. `now` is a parameter so tests control AGE. */
  cells(obj: KubeObject, now: Date): unknown[];
}

/**
 * Per-type behaviour the generic REST handlers call (as kube-apiserver's rest strategies).
 * Every hook is optional; absent hooks do nothing.
 */
export interface ResourceStrategy {
  /** Fills defaults on create and update (as the defaulting functions of k8s.io/kubernetes/pkg/apis). */
  defaults?(obj: KubeObject): void;
  /** Semantic validation of a new object: causes name the field path (`spec.replicas`). */
  validateCreate?(obj: KubeObject): StatusCause[];
  /** Validation of an update, including immutable fields. */
  validateUpdate?(obj: KubeObject, old: KubeObject): StatusCause[];
  /**
   * Field values per object for field selectors, beyond metadata.name and metadata.namespace
   * which every resource supports (e.g. pods: spec.nodeName, status.phase).
   */
  fieldLabels?(obj: KubeObject): Record<string, string>;
}

/** A served version whose stored form is another's (events.k8s.io/v1 Events are stored as core/v1). */
export interface StorageConversion {
  toStorage(obj: KubeObject): KubeObject;
  fromStorage(obj: KubeObject): KubeObject;
}

export interface ResourceInfo {
  group: string;
  version: string;
  /** Plural, lower-case: `deployments`. */
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  /** Subresources served: 'status', 'scale', and for pods 'log', 'exec', ... */
  subresources: string[];
  /** Does spec/status split apply (status subresource resets status on main writes and vice versa)? */
  hasStatus: boolean;
  /** OpenAPI definition name of the kind, e.g. io.k8s.api.apps.v1.Deployment (built-ins). */
  definition?: string;
  printer?: TablePrinter;
  strategy?: ResourceStrategy;
  conversion?: StorageConversion;
  /** For scale: paths of spec.replicas, status.replicas and the label selector (as CRD scale subresources). */
  scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
}
