import path from 'node:path';
import { ALL_ROLES } from '../kernel/role';
import { MASKS } from './masks';
import { POLICY, type FieldPolicy, type RowPolicy } from './policy';
import type { Role } from '../kernel/role';

export const PERMISSIONS_DOC = path.resolve(__dirname, '../../docs/permissions.md');

/** A type's row rule in words: the rule every role meets, then each role's own. */
export function describeRows(rows: RowPolicy | string): string {
  if (typeof rows === 'string') return rows;
  const own = Object.entries(rows.byRole ?? {}).map(([role, rule]) => `for ${role}, ${rule!.describe}`);
  return [`${own.length ? 'for every other role' : 'for every role'}, ${rows.default.describe}`, ...own].join('; ');
}

/** ✓ in full, "masked" when only its mask, — when not at all. */
export function cell(rule: FieldPolicy, role: Role): string {
  if (rule.read.includes(role)) return '✓';
  return rule.masked?.roles.includes(role) ? 'masked' : '—';
}

/** docs/permissions.md, generated from the policy table so that the document cannot drift from the rules. */
export function renderPermissionsDoc(): string {
  const out = [
    '# Permissions',
    '',
    '<!-- Generated from the modules\' policy files (src/modules/*/*.policy.ts) by `npm run docs:permissions`; a test fails when this file is stale. -->',
    '',
    'Deny by default: a field is readable only by the roles marked ✓. A field a role may not read is a `FORBIDDEN`',
    'error at that field\'s path, with the rest of the response returned. Rows outside the caller\'s region scopes do',
    'not exist for it: absent from lists and counts, `null` from single lookups.',
    '',
  ];
  for (const [type, policy] of Object.entries(POLICY)) {
    out.push(`## ${type}`, '', `Rows: ${describeRows(policy.rows)}.`, '', `| field | ${ALL_ROLES.join(' | ')} |`, `|---|${ALL_ROLES.map(() => ':-:').join('|')}|`);
    for (const [field, rule] of Object.entries(policy.fields)) {
      out.push(`| ${field} | ${ALL_ROLES.map((role) => cell(rule, role)).join(' | ')} |`);
    }
    for (const [field, rule] of Object.entries(policy.fields).filter(([, r]) => r.masked)) {
      const mask = MASKS[rule.masked!.mask];
      out.push('', `Masked: \`${field}\` hides ${mask.hides}; no role that sees it masked may read ${mask.revealedBy.map((f) => `\`${f}\``).join(', ')}.`);
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
