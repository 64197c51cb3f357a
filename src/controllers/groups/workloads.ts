import type { Controller } from '../framework/index.ts';

/** The workloads controllers, in start order. */
export const workloadsControllers: Controller[] = [];
