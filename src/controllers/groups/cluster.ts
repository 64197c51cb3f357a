import type { Controller } from '../framework/index.ts';

/** The cluster controllers, in start order. */
export const clusterControllers: Controller[] = [];
