import type { Controller } from '../framework/index.ts';
import { endpointsController } from '../endpoints.ts';
import { endpointSliceController } from '../endpointslice.ts';
import { endpointSliceMirroringController } from '../endpointslice-mirroring.ts';

/** The network controllers, in start order. */
export const networkControllers: Controller[] = [endpointsController, endpointSliceController, endpointSliceMirroringController];
