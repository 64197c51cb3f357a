import type { Controller } from '../framework/index.ts';

/** The network controllers, in start order. */
export const networkControllers: Controller[] = [];
