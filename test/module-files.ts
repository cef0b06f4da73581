import { existsSync } from 'node:fs';
import path from 'node:path';
import { modules } from '../src/modules';

/**
 * Each module's test declarations of one kind, `src/modules/<name>/<name>.<kind>.ts` (its permission
 * matrix, its query plans), found by the module list's names: the list is the only list. Test
 * code: the build leaves these files out.
 */
export function moduleTestParts<T>(kind: 'matrix' | 'plans'): { name: string; part: T }[] {
  return modules.flatMap((m) => {
    const file = path.resolve(__dirname, `../src/modules/${m.name}/${m.name}.${kind}.ts`);
    return existsSync(file) ? [{ name: m.name, part: require(file)[kind] as T }] : [];
  });
}
