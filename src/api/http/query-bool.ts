/**
 * A boolean query parameter as apimachinery converts it (Convert_Slice_string_To_bool): absent
 * is undefined; "", "0" and "false" (any case) are false; every other value is true, so the
 * Python client's `watch=True` is a watch.
 */
export function queryBool(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const v = value.toLowerCase();
  return !(v === '' || v === '0' || v === 'false');
}
