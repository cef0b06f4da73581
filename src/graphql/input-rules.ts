import { TEXT, withMaxItems, type TextRule } from '../kernel/text';
import { modules } from '../modules';
import type { Module } from '../modules/module';
import { MAX_BATCH } from '../sync/limits';
import type { AnyKind } from '../sync/sync-kind';

/** A batch mutation's batchId and its retraction's ids and reason: the same for every sync (src/sync). */
function batchSyncRules(kind: AnyKind): [string, TextRule][] {
  return [
    [`Mutation.${kind.operation}(batchId)`, TEXT.EXTERNAL_ID],
    [`Mutation.${kind.retraction}(externalIds)`, withMaxItems(TEXT.EXTERNAL_ID, MAX_BATCH)],
    [`Mutation.${kind.retraction}(reason)`, TEXT.REASON],
  ];
}

/** A module's rules by coordinate: its own `inputs` and its syncs' batch arguments. */
export const rulesOf = (m: Module): [string, TextRule][] => [...Object.entries(m.inputs ?? {}), ...(m.syncs ?? []).flatMap(batchSyncRules)];

/** Every module's rules, refusing a coordinate declared twice: one argument, one rule. */
function gatherRules(): Record<string, TextRule> {
  const rules: Record<string, TextRule> = {};
  for (const m of modules) {
    for (const [coordinate, rule] of rulesOf(m)) {
      if (coordinate in rules) throw new Error(`The input rule of ${coordinate} (module ${m.name}) is declared twice`);
      rules[coordinate] = rule;
    }
  }
  return rules;
}

/**
 * The text every String argument and input field accepts, by schema coordinate (`Type.field(arg)`
 * for an argument, `Input.field` for an input field), each declared in its module's file
 * (`inputs`, and the batch arguments of its `syncs`). `ID`s need no entry: they are all ids
 * (kernel ID_RULE). Checked once, at the edge, before any resolver runs (input-guard.ts); a
 * String with no entry fails the schema test.
 */
export const INPUT_RULES: Readonly<Record<string, TextRule>> = gatherRules();
