/** A metav1.Time as it goes on the wire: RFC 3339 in UTC with whole seconds (`2024-01-01T12:00:00Z`). */
export function metaTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
