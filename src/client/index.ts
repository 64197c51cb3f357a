/**
 * src/client's public surface (DESIGN.md §6): what controllers, the scheduler, the agent and
 * cmd/ wire together. Each export lives in a file named after its job.
 */
export { type Transport, type TransportRequest, type QueryValue } from './transport.ts';
export { httpsTransport, type HttpsTransportOptions } from './https-transport.ts';
export { inProcessTransport } from './in-process-transport.ts';
export { transportFromKubeconfig } from './kubeconfig-transport.ts';
export { kubeconfigCredentials, type KubeconfigFile } from './kubeconfig-credentials.ts';
export { ApiError, apiErrorFrom, isAlreadyExists, isConflict, isNotFound, isResourceExpired } from './api-error.ts';
export {
  ResourceClient,
  type DeleteOptions,
  type ListOptions,
  type PatchOptions,
  type PatchType,
  type ReadOptions,
  type WatchOptions,
  type WriteOptions,
} from './client.ts';
export { resourcePath, type ResourceType } from './resource-paths.ts';
export { objectKey, splitObjectKey, type KubeObject, type ObjectList, type ObjectMeta, type OwnerReference, type Status } from './object.ts';
export { watchEvents, type WatchEvent, type WatchEventType } from './watch-events.ts';
export { Informer, type EventHandler, type InformerOptions, type ListerWatcher } from './informer.ts';
export { SharedInformerFactory, type SharedInformerFactoryOptions } from './informer-factory.ts';
export { CacheStore, NAMESPACE_INDEX, type CacheReader, type IndexFunc } from './cache-store.ts';
export { WorkQueue, type WorkQueueOptions } from './work-queue.ts';
export { BucketRateLimiter, ItemExponentialRateLimiter, MaxOfRateLimiter, defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.ts';
export { systemClock, sleep, type Clock } from './clock.ts';
export { ManualClock } from './manual-clock.ts';
export { Backoff, type BackoffOptions } from './backoff.ts';
export { EventRecorder, type EventRecorderOptions } from './event-recorder.ts';
