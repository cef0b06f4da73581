import { writeFileSync } from 'node:fs';
import { PERMISSIONS_DOC, renderPermissionsDoc } from './permissions-doc';

writeFileSync(PERMISSIONS_DOC, renderPermissionsDoc());
console.log(`wrote ${PERMISSIONS_DOC}`);
