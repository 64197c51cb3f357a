import type { KubeObject } from '../meta/object.ts';
import type { StorageConversion } from './types.ts';

/**
 * events.k8s.io/v1 Events are stored as core/v1 Events (one storage, as upstream), so that
 * `kubectl describe` sees events whichever API recorded them. Field mapping as upstream's
 * conversion in pkg/apis/events/v1.
 */
const RENAMES: [eventsField: string, coreField: string][] = [
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['reportingController', 'reportingComponent'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
];
const SAME = ['reason', 'type', 'eventTime', 'series', 'related', 'action', 'reportingInstance'];

export const eventsV1Conversion: StorageConversion = {
  toStorage(obj: KubeObject): KubeObject {
    const out: KubeObject = { apiVersion: 'v1', kind: 'Event', metadata: obj.metadata };
    for (const [from, to] of RENAMES) if (obj[from] !== undefined) out[to] = obj[from];
    for (const f of SAME) if (obj[f] !== undefined) out[f] = obj[f];
    if (out.involvedObject === undefined) out.involvedObject = {};
    return out;
  },
  fromStorage(obj: KubeObject): KubeObject {
    const out: KubeObject = { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: obj.metadata };
    for (const [to, from] of RENAMES) if (obj[from] !== undefined) out[to] = obj[from];
    for (const f of SAME) if (obj[f] !== undefined) out[f] = obj[f];
    if (out.eventTime === undefined) out.eventTime = null;
    return out;
  },
};
