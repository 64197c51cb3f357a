/** The controller framework: written once so that every controller has the ReplicaSet shape. */
export { resources } from './resources.ts';
export { defaultControllerOptions, type Controller, type ControllerContext, type ControllerOptions } from './controller.ts';
export { runWorkers } from './run-workers.ts';
export { EventRecorder } from '../../client/index.ts';
export { controllerOf, controllerRef, ownerKey, type OwnerReference } from './owners.ts';
export { isPodActive, isPodAvailable, isPodReady, podPhase } from './pod-conditions.ts';
