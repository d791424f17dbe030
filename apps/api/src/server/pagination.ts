import { Field, ObjectType } from 'type-graphql';
import { AppError } from './app-error';

@ObjectType({ description: 'Where a page of a connection stands (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item on this page; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 200;

/** Validates `first`, so that no client can ask for an unbounded page. */
export function pageSize(first: number | null | undefined, fallback = 50): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new AppError('BAD_USER_INPUT', 'PAGE_SIZE_INVALID', `first must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return size;
}

export const encodeCursor = (value: string) => Buffer.from(value, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!value) throw new AppError('BAD_USER_INPUT', 'CURSOR_INVALID', 'The cursor is not one this server gave out.');
  return value;
}

/**
 * A connection's `totalCount` as its resolver returns it: the count, or 0 in its place when the client did not select
 * the field (selectsTotalCount false), so that nothing counted it and nothing will send it.
 */
export const unlessNotSelected = (totalCount: number | null): number => totalCount ?? 0;
