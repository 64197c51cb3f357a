/**
 * The metric shapes autoscaling/v1 keeps in its round-trip annotations. autoscaling/v1 has no
 * `metrics` field; kube-apiserver serialises the metrics it cannot express as the v1 package's
 * own MetricSpec/MetricStatus (the flat, v2beta1-style form: `targetAverageUtilization`,
 * `metricName`, ...) and reads them back on writes (pkg/apis/autoscaling/v1/conversion.go).
 * These functions map between that form and autoscaling/v2's `metric`/`target`/`current` form.
 */
type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** Drops undefined members so the annotation JSON carries only what was set, as Go's omitempty. */
function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** A v2 target as the v1 flat fields of a Resource or ContainerResource source. */
function resourceTargetToV1(target: Json): Json {
  return compact({
    targetAverageUtilization: target.type === 'Utilization' ? target.averageUtilization : undefined,
    targetAverageValue: target.type === 'AverageValue' ? target.averageValue : undefined,
  });
}

function resourceTargetFromV1(source: Json): Json {
  if (source.targetAverageValue !== undefined) return { type: 'AverageValue', averageValue: source.targetAverageValue };
  return compact({ type: 'Utilization', averageUtilization: source.targetAverageUtilization });
}

/** One autoscaling/v2 MetricSpec in autoscaling/v1's annotation form. */
export function metricSpecToV1(spec: Json): Json {
  const type = spec.type;
  const metric = obj(obj(spec[lowerFirst(String(type))]).metric);
  switch (type) {
    case 'Resource': {
      const s = obj(spec.resource);
      return { type, resource: { name: s.name, ...resourceTargetToV1(obj(s.target)) } };
    }
    case 'ContainerResource': {
      const s = obj(spec.containerResource);
      return { type, containerResource: { name: s.name, container: s.container, ...resourceTargetToV1(obj(s.target)) } };
    }
    case 'Pods': {
      const target = obj(obj(spec.pods).target);
      return { type, pods: compact({ metricName: metric.name, selector: metric.selector, targetAverageValue: target.averageValue }) };
    }
    case 'Object': {
      const s = obj(spec.object);
      const target = obj(s.target);
      return { type, object: compact({ target: s.describedObject, metricName: metric.name, selector: metric.selector, targetValue: target.value, averageValue: target.averageValue }) };
    }
    case 'External': {
      const target = obj(obj(spec.external).target);
      return { type, external: compact({ metricName: metric.name, metricSelector: metric.selector, targetValue: target.value, targetAverageValue: target.averageValue }) };
    }
    default:
      return spec;
  }
}

/** The inverse of metricSpecToV1. */
export function metricSpecFromV1(spec: Json): Json {
  const type = spec.type;
  switch (type) {
    case 'Resource': {
      const s = obj(spec.resource);
      return { type, resource: { name: s.name, target: resourceTargetFromV1(s) } };
    }
    case 'ContainerResource': {
      const s = obj(spec.containerResource);
      return { type, containerResource: { name: s.name, container: s.container, target: resourceTargetFromV1(s) } };
    }
    case 'Pods': {
      const s = obj(spec.pods);
      return { type, pods: { metric: compact({ name: s.metricName, selector: s.selector }), target: compact({ type: 'AverageValue', averageValue: s.targetAverageValue }) } };
    }
    case 'Object': {
      const s = obj(spec.object);
      const target = s.averageValue !== undefined ? { type: 'AverageValue', averageValue: s.averageValue } : compact({ type: 'Value', value: s.targetValue });
      return { type, object: { describedObject: s.target, metric: compact({ name: s.metricName, selector: s.selector }), target } };
    }
    case 'External': {
      const s = obj(spec.external);
      const target = s.targetAverageValue !== undefined ? { type: 'AverageValue', averageValue: s.targetAverageValue } : compact({ type: 'Value', value: s.targetValue });
      return { type, external: { metric: compact({ name: s.metricName, selector: s.metricSelector }), target } };
    }
    default:
      return spec;
  }
}

/** One autoscaling/v2 MetricStatus in autoscaling/v1's annotation form. */
export function metricStatusToV1(status: Json): Json {
  const type = status.type;
  const source = obj(status[lowerFirst(String(type))]);
  const current = obj(source.current);
  const metric = obj(source.metric);
  switch (type) {
    case 'Resource':
      return { type, resource: compact({ name: source.name, currentAverageUtilization: current.averageUtilization, currentAverageValue: current.averageValue }) };
    case 'ContainerResource':
      return { type, containerResource: compact({ name: source.name, container: source.container, currentAverageUtilization: current.averageUtilization, currentAverageValue: current.averageValue }) };
    case 'Pods':
      return { type, pods: compact({ metricName: metric.name, selector: metric.selector, currentAverageValue: current.averageValue }) };
    case 'Object':
      return { type, object: compact({ target: source.describedObject, metricName: metric.name, selector: metric.selector, currentValue: current.value, averageValue: current.averageValue }) };
    case 'External':
      return { type, external: compact({ metricName: metric.name, metricSelector: metric.selector, currentValue: current.value, currentAverageValue: current.averageValue }) };
    default:
      return status;
  }
}

/** The inverse of metricStatusToV1. */
export function metricStatusFromV1(status: Json): Json {
  const type = status.type;
  const s = obj(status[lowerFirst(String(type))]);
  switch (type) {
    case 'Resource':
      return { type, resource: { name: s.name, current: compact({ averageUtilization: s.currentAverageUtilization, averageValue: s.currentAverageValue }) } };
    case 'ContainerResource':
      return { type, containerResource: { name: s.name, container: s.container, current: compact({ averageUtilization: s.currentAverageUtilization, averageValue: s.currentAverageValue }) } };
    case 'Pods':
      return { type, pods: { metric: compact({ name: s.metricName, selector: s.selector }), current: compact({ averageValue: s.currentAverageValue }) } };
    case 'Object':
      return { type, object: { describedObject: s.target, metric: compact({ name: s.metricName, selector: s.selector }), current: compact({ value: s.currentValue, averageValue: s.averageValue }) } };
    case 'External':
      return { type, external: { metric: compact({ name: s.metricName, selector: s.metricSelector }), current: compact({ value: s.currentValue, averageValue: s.currentAverageValue }) } };
    default:
      return status;
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
