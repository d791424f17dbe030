import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, type GraphQLResolveInfo, type SelectionNode, type SelectionSetNode } from 'graphql';

/**
 * Whether the client selected the field `name` directly on the field being resolved (through fragments too, and
 * leaving out what `@skip` or `@include` removes): so a connection counts its `totalCount` only when asked for it,
 * a second statement saved on every page that does not show it (issue 19 point 6).
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && setSelects(node.selectionSet, name, info, new Set()));
}

/** Whether a connection's `totalCount` is asked for. */
export const selectsTotalCount = (info: GraphQLResolveInfo): boolean => selectsField(info, 'totalCount');

function setSelects(set: SelectionSetNode, name: string, info: GraphQLResolveInfo, fragmentsSeen: Set<string>): boolean {
  return set.selections.some((selection) => {
    if (!included(selection, info)) return false;
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value === name;
      case Kind.INLINE_FRAGMENT:
        return setSelects(selection.selectionSet, name, info, fragmentsSeen);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || fragmentsSeen.has(selection.name.value)) return false;
        fragmentsSeen.add(selection.name.value);
        return setSelects(fragment.selectionSet, name, info, fragmentsSeen);
      }
    }
  });
}

function included(selection: SelectionNode, info: GraphQLResolveInfo): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues)?.if !== false;
}
