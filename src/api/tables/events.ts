/**
 * `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE FIRST SEEN
 * COUNT NAME. Serves core/v1 and events.k8s.io/v1 events: the latter's field names
 * (note, regarding, deprecated*) are read as the core ones, as upstream converts them.
 */
import type { KubeObject } from '../meta/object.ts';
import type { TablePrinter } from '../resources/types.ts';
import { asNumber, asString, field, nameOf, type Json } from './cell-format.ts';
import { column, nameColumn } from './columns.ts';
import { ageSince, parseTimestamp } from './human-duration.ts';

export const eventPrinter: TablePrinter = {
  columns: [
    column('Last Seen', 'string', 'Event.lastTimestamp'),
    column('Type', 'string', 'Event.type'),
    column('Reason', 'string', 'Event.reason'),
    column('Object', 'string', 'Event.involvedObject'),
    column('Subobject', 'string', 'ObjectReference.fieldPath', 1),
    column('Source', 'string', 'Event.source', 1),
    column('Message', 'string', 'Event.message'),
    column('First Seen', 'string', 'Event.firstTimestamp', 1),
    column('Count', 'string', 'Event.count', 1),
    { ...nameColumn, priority: 1 },
  ],
  cells(obj, now) {
    const e = coreView(obj);
    const since = (t: unknown) => ageSince(t, now);
    const first = parseTimestamp(e.firstTimestamp) ? since(e.firstTimestamp) : since(e.eventTime);
    let last = parseTimestamp(e.lastTimestamp) ? since(e.lastTimestamp) : first;
    let count = asNumber(e.count);
    if (e.series) {
      last = since(e.series.lastObservedTime);
      count = asNumber(e.series.count);
    } else if (count === 0) {
      // Singleton events of the new API carry no count.
      count = 1;
    }
    const involved = (e.involvedObject ?? {}) as Json;
    const kind = asString(involved.kind).toLowerCase();
    const target = involved.name ? `${kind}/${involved.name}` : kind;
    const component = asString(field(e, 'source', 'component')) || asString(e.reportingComponent);
    const host = asString(field(e, 'source', 'host')) || asString(e.reportingInstance);
    return [
      last,
      asString(e.type),
      asString(e.reason),
      target,
      asString(involved.fieldPath),
      host ? `${component}, ${host}` : component,
      asString(e.message).trim(),
      first,
      count,
      nameOf(obj),
    ];
  },
};

/** The core/v1 field names of an event, whichever API version it was written in. */
function coreView(obj: KubeObject): Json {
  if (!String(obj.apiVersion ?? '').startsWith('events.k8s.io/')) return { ...obj, reportingComponent: obj.reportingComponent ?? obj.reportingController };
  return {
    ...obj,
    involvedObject: obj.regarding,
    message: obj.note,
    source: obj.deprecatedSource,
    firstTimestamp: obj.deprecatedFirstTimestamp,
    lastTimestamp: obj.deprecatedLastTimestamp,
    count: obj.deprecatedCount,
    reportingComponent: obj.reportingController,
  };
}
