import { writeFileSync } from 'node:fs';
import '../modules'; // the module list installs every module's part of the policy
import { PERMISSIONS_DOC, renderPermissionsDoc } from './permissions-doc';

writeFileSync(PERMISSIONS_DOC, renderPermissionsDoc());
console.log(`wrote ${PERMISSIONS_DOC}`);
