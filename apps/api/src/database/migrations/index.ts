import { Foundation1763800000000 } from './1763800000000-foundation';

/** Every migration, in order. TypeORM never synchronises the schema: it changes only here. */
export const migrations = [Foundation1763800000000];
