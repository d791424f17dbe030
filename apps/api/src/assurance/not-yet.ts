/** Placeholder while the assurance services are built (the schema is committed first for the web app). */
export function notYet(what: string): never {
  throw new Error(`${what} is not implemented yet`);
}
