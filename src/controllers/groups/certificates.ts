import type { Controller } from '../framework/index.ts';
import { csrSigningController } from '../csr-signing.ts';

/** The certificates controllers. */
export const certificatesControllers: Controller[] = [csrSigningController];
