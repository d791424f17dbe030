/**
 * How the build turns each `graphql(`…`)` call into the generated document it stands for (apps/web/vite.config.ts).
 *
 * The codegen client preset's `graphql()` looks its source text up in one map of every operation in the app
 * (src/gql/gql.ts), so any page that asks for one operation carries all of them: about 600 kB of the main script
 * before this. Here each call becomes an import of its own document, as the preset's Babel plugin does (without
 * adding Babel to the build), and each document is a module of its own (`DOCUMENT_MODULE` and a name), read from
 * src/gql/graphql.ts: a bundler places whole modules in chunks, so with one module for all of them every document
 * any two pages used would share one script. Jest runs the sources as written, through the map. Pure text to text,
 * so a spec can check it against the real files.
 */

/** The prefix of the module id under which the build serves each generated document by its name. */
export const DOCUMENT_MODULE = 'virtual:ccg-assure-graphql-document/';

/** The generated name of each operation and fragment, by its source text, read from gql.ts's map. */
export function readDocumentNames(gqlModule: string): Map<string, string> {
  const names = new Map<string, string>();
  // The map's entries (the `Documents` type above it writes `typeof types.X`, which this leaves alone).
  for (const entry of gqlModule.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm)) {
    names.set(JSON.parse(entry[1]) as string, entry[2]);
  }
  return names;
}

/** Each generated document's JSON, by its name, read from graphql.ts (one `export const` line each). */
export function readGeneratedDocuments(graphqlModule: string): Map<string, string> {
  const documents = new Map<string, string>();
  for (const [, name, json] of graphqlModule.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) documents.set(name, json);
  return documents;
}

const GRAPHQL_IMPORT = /^import \{ graphql \} from '(?:\.\.?\/)+gql';\r?\n/m;
const EXPORTED_CALL = /^export const (\w+) = graphql\(`([^`]*)`\);$/gm;
const GRAPHQL_CALL = /\bgraphql\(`([^`]*)`\)/g;

/**
 * `code` with each `graphql(`…`)` call replaced by its generated document, from the document's own module;
 * null when the module does not import `graphql` from the generated folder. `export const X = graphql(`…`);`
 * becomes a re-export, which a bundler follows to the document itself (these modules declare nothing else that
 * runs), so a page that uses one operation of a module does not carry the module's others; any other call becomes
 * an import. Throws on a call it cannot resolve (an operation written since the last `npm run codegen`), so a stale
 * build fails rather than sending `{}`. Every line keeps its number (source maps).
 */
export function inlineGraphqlDocuments(code: string, names: ReadonlyMap<string, string>, file: string): string | null {
  if (!GRAPHQL_IMPORT.test(code)) return null;
  const documentFor = (source: string): string => {
    if (source.includes('${') || source.includes('\\')) throw new Error(`${file}: a graphql() template with a substitution or an escape cannot be looked up`);
    const name = names.get(source);
    if (!name) throw new Error(`${file}: a graphql() call has no generated document; run \`npm run codegen\``);
    return name;
  };
  const sameLines = (source: string) => '\n'.repeat(source.split('\n').length - 1);
  const reexported = code.replace(EXPORTED_CALL, (_call, exported: string, source: string) => `export { default as ${exported} } from '${DOCUMENT_MODULE}${documentFor(source)}';${sameLines(source)}`);
  const used = new Set<string>();
  const inlined = reexported.replace(GRAPHQL_CALL, (_call, source: string) => {
    const name = documentFor(source);
    used.add(name);
    return `gql$${name}${sameLines(source)}`;
  });
  if (/\bgraphql\(/.test(inlined)) throw new Error(`${file}: a graphql() call is not of the form graphql(\`…\`)`);
  const imports = [...used].map((name) => `import gql$${name} from '${DOCUMENT_MODULE}${name}';`).join(' ');
  return inlined.replace(GRAPHQL_IMPORT, `${imports}\n`);
}
