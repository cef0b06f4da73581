/**
 * The request's batch loaders (RequestContext.loaders). Each module adds its own to this interface
 * in its module file (`declare module '../../context/loaders'`), and the module list builds them
 * (createLoaders in src/modules/index.ts): the context imports no module.
 */
export interface Loaders {}
