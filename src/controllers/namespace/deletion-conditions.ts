/**
 * The namespace status conditions the namespace controller maintains while it empties a
 * Terminating namespace, as upstream's namespaceConditionUpdater
 * (pkg/controller/namespace/deletion/status_condition_utils.go): each type is always present,
 * False with an "ok" reason when nothing is wrong, True with the problem otherwise.
 */
export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** What one pass over the namespace's content found. */
export interface DeletionOutcome {
  /** Groups whose discovery failed, with why (`apps/v1: ...`). */
  discoveryErrors: string[];
  /** Resources whose content could not be deleted, with why. */
  deleteErrors: string[];
  /** Objects still present per resource (`pods.`, `widgets.example.com`). */
  remainingByResource: Map<string, number>;
  /** Objects still present per finalizer they carry. */
  remainingByFinalizer: Map<string, number>;
}

const TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

const OK: Record<(typeof TYPES)[number], { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  NamespaceDeletionGroupVersionParsingFailure: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  NamespaceDeletionContentFailure: { reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
};

function counted(entries: Map<string, number>, format: (name: string, n: number) => string): string[] {
  return [...entries].filter(([, n]) => n > 0).map(([name, n]) => format(name, n)).sort();
}

/** The failing conditions an outcome calls for, by type (upstream's messages, sorted for stable updates). */
function problems(outcome: DeletionOutcome): Map<string, { reason: string; message: string }> {
  const out = new Map<string, { reason: string; message: string }>();
  if (outcome.discoveryErrors.length > 0) {
    out.set('NamespaceDeletionDiscoveryFailure', {
      reason: 'DiscoveryFailed',
      message: `Discovery failed for some groups, ${outcome.discoveryErrors.length} failing: ${[...outcome.discoveryErrors].sort().join(', ')}`,
    });
  }
  if (outcome.deleteErrors.length > 0) {
    out.set('NamespaceDeletionContentFailure', {
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${outcome.deleteErrors.length} remaining: ${[...outcome.deleteErrors].sort().join(', ')}`,
    });
  }
  const resources = counted(outcome.remainingByResource, (gr, n) => `${gr} has ${n} resource instances`);
  if (resources.length > 0) {
    out.set('NamespaceContentRemaining', { reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${resources.join(', ')}` });
  }
  const finalizers = counted(outcome.remainingByFinalizer, (f, n) => `${f} in ${n} resource instances`);
  if (finalizers.length > 0) {
    out.set('NamespaceFinalizersRemaining', { reason: 'SomeFinalizerRemain', message: `Some finalizers are remaining: ${finalizers.join(', ')}` });
  }
  return out;
}

/**
 * The namespace's conditions after `outcome` (upstream's updateConditions): a condition keeps
 * its lastTransitionTime unless its status flips; `changed` is false when nothing would change,
 * so the controller skips the write. Conditions of other types are kept as they are.
 */
export function namespaceDeletionConditions(opts: { current: NamespaceCondition[]; outcome: DeletionOutcome; now: string }): {
  conditions: NamespaceCondition[];
  changed: boolean;
} {
  const failing = problems(opts.outcome);
  const conditions = opts.current.map((c) => ({ ...c }));
  let changed = false;
  for (const type of TYPES) {
    const problem = failing.get(type);
    const wanted = problem ? { status: 'True' as const, ...problem } : { status: 'False' as const, ...OK[type] };
    const existing = conditions.find((c) => c.type === type);
    if (!existing) {
      conditions.push({ type, ...wanted, lastTransitionTime: opts.now });
      changed = true;
      continue;
    }
    if (existing.status === wanted.status && existing.reason === wanted.reason && existing.message === wanted.message) continue;
    if (existing.status !== wanted.status) existing.lastTransitionTime = opts.now;
    Object.assign(existing, wanted);
    changed = true;
  }
  return { conditions, changed };
}
