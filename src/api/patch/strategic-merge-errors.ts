import { StatusError, errors } from '../errors.ts';
import { isJsonObject } from './json-value.ts';

/**
 * The errors a strategic merge patch can end in, with the status kube-apiserver gives each
 * (handlers/patch.go interpretStrategicMergePatchError, messages from
 * apimachinery/pkg/util/mergepatch/errors.go):
 * - a malformed directive is 400 BadRequest with the library's sentence;
 * - lists of lists and retainKeys mismatches are 422 with the generic message;
 * - everything else is a plain Go error that kube-apiserver answers as a 500 carrying the
 *   message as is (reason Unknown upstream; Skiff's StatusReason has no Unknown, so InternalError).
 */
export const smpErrors = {
  badRetainKeys: () => errors.badRequest('invalid patch format of retainKeys'),
  badPrimitiveListDirective: () => errors.badRequest('invalid patch format of primitive list'),
  badSetElementOrderDirective: () => errors.badRequest('invalid patch format of setElementOrder list'),
  notAnObject: (patch: unknown) => errors.badRequest(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`),
  listOfLists: () => unprocessable('lists of lists are not supported'),
  noMergeKey: (item: unknown, mergeKey: string) =>
    failure(`map: ${goFormat(item)} does not contain declared merge key: ${mergeKey}`),
  badArgType: (expected: 'map' | 'list', actual: unknown) =>
    failure(`expected a ${expected === 'map' ? GO_MAP : GO_LIST}, but received a ${goTypeName(actual)}`),
  badPatchType: (directive: unknown, item: unknown) =>
    failure(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(item)}`),
  mergeDirectiveInList: () => failure('merging lists cannot yet be specified in the patch'),
  noMergeKeyDeclared: () => failure('cannot merge lists without merge key for type struct'),
  mixedElementTypes: (lists: unknown[][]) => failure(`list element types are not identical: ${lists.map(goFormat).join(' ')}`),
  orderMismatch: (patchList: unknown[], order: unknown[]) =>
    failure(`The order in patch list:\n${goFormat(patchList)}\n doesn't match $setElementOrder list:\n${goFormat(order)}\n`),
};

const GO_MAP = 'map[string]interface {}';
const GO_LIST = '[]interface {}';

function unprocessable(why: string): StatusError {
  const error = new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request', {});
  return Object.assign(error, { cause: why });
}

function failure(message: string): StatusError {
  return new StatusError(500, 'InternalError', message);
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return '%!s(<nil>)';
  if (Array.isArray(value)) return GO_LIST;
  if (isJsonObject(value)) return GO_MAP;
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  return typeof value === 'boolean' ? 'bool' : 'string';
}

/** A value as Go's `%v` prints a decoded JSON value: `map[a:1 b:[x y]]`, keys sorted. */
export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  if (isJsonObject(value)) {
    const members = Object.keys(value)
      .sort()
      .map((key) => `${key}:${goFormat(value[key])}`);
    return `map[${members.join(' ')}]`;
  }
  return String(value);
}
