import type { StoreEvent } from './types.ts';

export type StoreListener = (event: StoreEvent) => void;

/**
 * The store's live fan-out: every committed write is handed to each listener synchronously,
 * in revision order, before the write's promise resolves (RevisionLog.subscribe's contract),
 * so the API server's watch cache reflects a write before the client hears it succeeded.
 *
 * A listener that throws must not turn a committed write into a failed one, nor starve the
 * listeners after it: its error goes to `onError` (the supervisor's reporter) instead.
 */
export class Subscribers {
  private readonly listeners = new Set<StoreListener>();

  constructor(private readonly onError: (error: unknown) => void = reportListenerError) {}

  add(listener: StoreListener): () => void {
    // Wrap so that subscribing the same function twice yields two independent subscriptions.
    const entry: StoreListener = (event) => listener(event);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(event: StoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

function reportListenerError(error: unknown): void {
  console.error('store: a subscriber threw while handling an event', error);
}
