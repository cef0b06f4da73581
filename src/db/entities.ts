import { modules } from '../modules';

/** Every entity of every module, from the module list: listed, not discovered by glob, so builds and tests see the same set. */
export const entities = modules.flatMap((m) => m.entities);
