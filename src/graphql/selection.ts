import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query selects the field at `path` below the field being resolved, through fragments
 * and inline fragments: a read uses it to fetch a child list in its own statement. `@skip` and
 * `@include` are not evaluated, so a skipped field still counts; that costs a read, never an answer.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let sets = selectionSetsOf(info.fieldNodes);
  for (const name of path) {
    const fields = sets.flatMap((set) => fieldsIn(set, info.fragments)).filter((field) => field.name.value === name);
    if (fields.length === 0) return false;
    sets = selectionSetsOf(fields);
  }
  return true;
}

const selectionSetsOf = (fields: readonly FieldNode[]) => fields.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));

function fieldsIn(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
    return inner ? fieldsIn(inner, fragments) : [];
  });
}
