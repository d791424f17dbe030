// GraphQL enums built from the domain's own lists where it has them, so a code added there cannot be missing
// here: the `Record<...>` descriptions fail to compile until the new code is described.

/** A GraphQL enum object whose values are the domain's codes. */
export function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

/** Descriptions for registerEnumType's valuesConfig, one per code. */
export const describedValues = <T extends string>(descriptions: Record<T, string>) =>
  Object.fromEntries(Object.entries<string>(descriptions).map(([value, description]) => [value, { description }])) as Record<T, { description: string }>;
