import type { Controller } from '../framework/index.ts';

/** The sets-and-batch controllers, in start order. */
export const setsAndBatchControllers: Controller[] = [];
