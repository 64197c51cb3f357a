import { ApiError } from '../../client/index.ts';

/**
 * A create refused because the namespace is being deleted (the NamespaceLifecycle admission's
 * Forbidden with cause NamespaceTerminating): retrying cannot help, so upstream's endpoint
 * controllers drop the key.
 */
export function isNamespaceTerminating(error: unknown): boolean {
  return error instanceof ApiError && error.code === 403 && (error.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');
}
