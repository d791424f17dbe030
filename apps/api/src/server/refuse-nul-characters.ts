import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { AppError } from './app-error';
import type { RequestContext } from './request-context';

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL anywhere in a request would fail on save as an internal
 * error: refused at the edge instead, before any resolver runs, as BAD_USER_INPUT / INVALID_CHARACTER naming
 * where it was (`variables.input.username`, or the argument of an inline value: `signIn.input.username`).
 */
export const refuseNulCharacters: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const fields = [...nulPathsInValue(request.variables ?? {}, 'variables'), ...nulPathsInDocument(document)];
        if (fields.length === 0) return;
        const refusal = new AppError('BAD_USER_INPUT', 'INVALID_CHARACTER', 'Text may not contain the NUL character (U+0000).', { fields });
        throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 400 } } });
      },
    };
  },
};

/** Paths of every string holding a NUL in a JSON value (variables), object keys included. */
export function nulPathsInValue(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulPathsInValue(item, `${path}.${index}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => (key.includes('\u0000') ? [path] : nulPathsInValue(item, `${path}.${key}`)));
  }
  return [];
}

/** Paths (field, argument, input fields) of every string literal holding a NUL in the document. */
function nulPathsInDocument(document: DocumentNode): string[] {
  const paths: string[] = [];
  const names: string[] = [];
  visit(document, {
    Field: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue: (node) => {
      if (node.value.includes('\u0000')) paths.push(names.join('.'));
    },
    [Kind.VARIABLE_DEFINITION]: { enter: (node) => void names.push(`$${node.variable.name.value}`), leave: () => void names.pop() },
  });
  return paths;
}
