import { describe, expect, it } from 'vitest';
import { namespaceDeletionConditions, type DeletionOutcome, type NamespaceCondition } from './deletion-conditions.ts';

const clean = (): DeletionOutcome => ({ discoveryErrors: [], deleteErrors: [], remainingByResource: new Map(), remainingByFinalizer: new Map() });
const byType = (conditions: NamespaceCondition[]) => Object.fromEntries(conditions.map((c) => [c.type, c]));

describe('namespaceDeletionConditions', () => {
  it('adds all five condition types as False with the ok reasons when nothing is wrong', () => {
    const { conditions, changed } = namespaceDeletionConditions({ current: [], outcome: clean(), now: 't1' });
    expect(changed).toBe(true);
    expect(conditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted'],
      ['NamespaceContentRemaining', 'False', 'ContentRemoved'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentRemoved'],
    ]);
  });

  it.each([
    {
      name: 'reports remaining resources sorted, with upstream wording',
      outcome: { ...clean(), remainingByResource: new Map([['widgets.example.com', 2], ['pods.', 1]]) },
      type: 'NamespaceContentRemaining',
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: pods. has 1 resource instances, widgets.example.com has 2 resource instances',
    },
    {
      name: 'reports remaining finalizers with their counts',
      outcome: { ...clean(), remainingByFinalizer: new Map([['example.com/hold', 3]]) },
      type: 'NamespaceFinalizersRemaining',
      reason: 'SomeFinalizerRemain',
      message: 'Some finalizers are remaining: example.com/hold in 3 resource instances',
    },
    {
      name: 'reports failed deletions',
      outcome: { ...clean(), deleteErrors: ['pods.: boom'] },
      type: 'NamespaceDeletionContentFailure',
      reason: 'ContentDeletionFailed',
      message: 'Failed to delete all resource types, 1 remaining: pods.: boom',
    },
    {
      name: 'reports failed discovery',
      outcome: { ...clean(), discoveryErrors: ['apis: 503'] },
      type: 'NamespaceDeletionDiscoveryFailure',
      reason: 'DiscoveryFailed',
      message: 'Discovery failed for some groups, 1 failing: apis: 503',
    },
  ])('$name', ({ outcome, type, reason, message }) => {
    const { conditions } = namespaceDeletionConditions({ current: [], outcome, now: 't1' });
    expect(byType(conditions)[type]).toEqual({ type, status: 'True', reason, message, lastTransitionTime: 't1' });
  });

  it('changes nothing when the outcome is the same as last time', () => {
    const first = namespaceDeletionConditions({ current: [], outcome: clean(), now: 't1' }).conditions;
    const again = namespaceDeletionConditions({ current: first, outcome: clean(), now: 't2' });
    expect(again.changed).toBe(false);
    expect(again.conditions).toEqual(first);
  });

  it('keeps the transition time when only the message changes, and moves it when the status flips', () => {
    const first = namespaceDeletionConditions({ current: [], outcome: { ...clean(), remainingByResource: new Map([['pods.', 2]]) }, now: 't1' }).conditions;
    const fewer = namespaceDeletionConditions({ current: first, outcome: { ...clean(), remainingByResource: new Map([['pods.', 1]]) }, now: 't2' }).conditions;
    expect(byType(fewer).NamespaceContentRemaining.lastTransitionTime).toBe('t1');
    const done = namespaceDeletionConditions({ current: fewer, outcome: clean(), now: 't3' }).conditions;
    expect(byType(done).NamespaceContentRemaining).toMatchObject({ status: 'False', lastTransitionTime: 't3', reason: 'ContentRemoved' });
  });

  it('does not change the conditions it was given', () => {
    const first = namespaceDeletionConditions({ current: [], outcome: clean(), now: 't1' }).conditions;
    const snapshot = structuredClone(first);
    namespaceDeletionConditions({ current: first, outcome: { ...clean(), deleteErrors: ['x'] }, now: 't2' });
    expect(first).toEqual(snapshot);
  });
});
