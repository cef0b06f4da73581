/** The public entry of the module: what other modules and the server may use of it (docs/modules.md). */
export { authenticate } from './auth.service';
export { OrganisationType } from './auth.types';
export { ApiKey } from './api-key.entity';
export { Organisation } from './organisation.entity';
export { findVisibleOrganisation } from './organisation.service';
export { createViewerCache, evictChangedKeys, keysChanged } from './viewer-cache';
