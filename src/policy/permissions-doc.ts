import path from 'node:path';
import { ALL_ROLES } from '../modules/auth/role';
import { POLICY } from './policy';

export const PERMISSIONS_DOC = path.resolve(__dirname, '../../docs/permissions.md');

/** docs/permissions.md, generated from the policy table so that the document cannot drift from the rules. */
export function renderPermissionsDoc(): string {
  const out = [
    '# Permissions',
    '',
    '<!-- Generated from src/policy/policy.ts by `npm run docs:permissions`; a test fails when this file is stale. -->',
    '',
    'Deny by default: a field is readable only by the roles marked ✓. A field a role may not read is a `FORBIDDEN`',
    'error at that field\'s path, with the rest of the response returned. Rows outside the caller\'s region scopes do',
    'not exist for it: absent from lists and counts, `null` from single lookups.',
    '',
  ];
  for (const [type, policy] of Object.entries(POLICY)) {
    out.push(`## ${type}`, '', `Rows: ${policy.rows}.`, '', `| field | ${ALL_ROLES.join(' | ')} |`, `|---|${ALL_ROLES.map(() => ':-:').join('|')}|`);
    for (const [field, rule] of Object.entries(policy.fields)) {
      out.push(`| ${field} | ${ALL_ROLES.map((role) => (rule.read.includes(role) ? '✓' : '—')).join(' | ')} |`);
    }
    const reasons = Object.entries(policy.fields).filter(([, rule]) => rule.reason);
    if (reasons.length) {
      out.push('', 'Why:');
      for (const [field, rule] of reasons) out.push(`- \`${field}\`: ${rule.reason!.zh} — ${rule.reason!.en}.`);
    }
    out.push('');
  }
  return out.join('\n');
}
