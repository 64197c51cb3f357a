/**
 * Builds a ResourceStrategy from the parts every built-in kind has: metadata rules, defaults,
 * semantic validation of the whole object, and extra checks on update. The order follows
 * kube-apiserver: a structurally broken object (wrong JSON types) fails decoding upstream
 * before any semantic check runs, so type errors (and malformed quantities) alone are
 * reported then, with reason FieldValueTypeInvalid.
 */
import type { StatusCause } from '../errors.ts';
import type { KubeObject } from '../meta/object.ts';
import type { ResourceStrategy } from '../resources/types.ts';
import { validateObjectMeta, validateObjectMetaUpdate, type ObjectMetaRules } from './object-meta.ts';
import { mergeCauses, schemaCauses } from './schema-check.ts';

export interface StrategyParts {
  meta: ObjectMetaRules;
  defaults?(obj: KubeObject): void;
  /**
   * Semantic checks of the whole object, on create and on update; `old` is the stored
   * object on update, for the few rules upstream relaxes for objects that already exist.
   */
  validate?(obj: KubeObject, old?: KubeObject): StatusCause[];
  /** Checks that compare with the stored object (immutable fields). */
  validateUpdate?(obj: KubeObject, old: KubeObject): StatusCause[];
  fieldLabels?(obj: KubeObject): Record<string, string>;
}

function structural(obj: KubeObject): { schema: StatusCause[]; broken: boolean } {
  const schema = schemaCauses(obj);
  const decoding = schema.filter((c) => c.reason === 'FieldValueTypeInvalid');
  return decoding.length > 0 ? { schema: decoding, broken: true } : { schema, broken: false };
}

export function defineStrategy(parts: StrategyParts): ResourceStrategy {
  return {
    defaults: parts.defaults,
    fieldLabels: parts.fieldLabels,
    validateCreate(obj) {
      const { schema, broken } = structural(obj);
      if (broken) return schema;
      const causes = [...validateObjectMeta(obj, parts.meta), ...(parts.validate?.(obj) ?? [])];
      return mergeCauses(causes, schema);
    },
    validateUpdate(obj, old) {
      const { schema, broken } = structural(obj);
      if (broken) return schema;
      const causes = [
        ...validateObjectMetaUpdate(obj, old),
        ...(parts.validate?.(obj, old) ?? []),
        ...(parts.validateUpdate?.(obj, old) ?? []),
      ];
      return mergeCauses(causes, schema);
    },
  };
}
