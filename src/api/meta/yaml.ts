import { load, YAML11_SCHEMA } from 'js-yaml';

/**
 * Reads YAML as Kubernetes does (sigs.k8s.io/yaml): YAML 1.1 scalars (`0644` is octal, `yes`
 * is true) and timestamps kept as strings, since upstream converts YAML to JSON before
 * decoding. Throws js-yaml's error on malformed input.
 */
export function loadKubeYaml(text: string): unknown {
  return timestampsAsStrings(load(text, { schema: YAML11_SCHEMA }));
}

function timestampsAsStrings(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (Array.isArray(value)) return value.map(timestampsAsStrings);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = timestampsAsStrings(record[key]);
  }
  return value;
}
