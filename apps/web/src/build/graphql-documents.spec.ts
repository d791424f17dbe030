import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { graphql } from '../gql';
import * as generated from '../gql/graphql';
import { DOCUMENT_MODULE, inlineGraphqlDocuments, readDocumentNames, readGeneratedDocuments } from './graphql-documents';

const src = path.join(__dirname, '..');
const names = readDocumentNames(readFileSync(path.join(src, 'gql/gql.ts'), 'utf8'));
const documents = readGeneratedDocuments(readFileSync(path.join(src, 'gql/graphql.ts'), 'utf8'));
const sourceFiles = (readdirSync(src, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file) && !/\.spec\.tsx?$/.test(file) && !file.startsWith('gql'));

describe('inlining the generated GraphQL documents at build', () => {
  it('reads a name for every operation, each the document graphql() answers with at run time', () => {
    expect(names.size).toBeGreaterThan(100);
    for (const [source, name] of names) {
      expect(graphql(source)).toBe((generated as Record<string, unknown>)[name]);
    }
  });

  it('reads every generated document as the JSON graphql.ts exports', () => {
    expect(documents.size).toBe(Object.keys(generated).length);
    for (const [name, json] of documents) {
      expect(JSON.parse(json)).toEqual((generated as Record<string, unknown>)[name]);
    }
  });

  it('replaces each call by an import of its document, and leaves no graphql() call in any module of the app', () => {
    let modules = 0;
    for (const file of sourceFiles) {
      const code = readFileSync(path.join(src, file), 'utf8');
      const inlined = inlineGraphqlDocuments(code, names, file);
      if (inlined === null) continue;
      modules += 1;
      expect(inlined).not.toMatch(/\bgraphql\(/);
      expect(inlined.split('\n')).toHaveLength(code.split('\n').length);
      for (const [, name] of inlined.matchAll(new RegExp(`from '${DOCUMENT_MODULE}(\\w+)'`, 'g'))) {
        expect(documents.has(name)).toBe(true);
      }
    }
    expect(modules).toBeGreaterThan(20);
  });

  it('re-exports an exported operation from its document’s own module, and keeps every line where it was', () => {
    const code = "import { graphql } from '../gql';\n\nexport const ViewerQuery = graphql(`\n  query Viewer {\n    me {\n      id\n    }\n  }\n`);\n";
    const known = new Map([['\n  query Viewer {\n    me {\n      id\n    }\n  }\n', 'ViewerDocument']]);
    expect(inlineGraphqlDocuments(code, known, 'viewer.operations.ts')).toBe(
      `\n\nexport { default as ViewerQuery } from '${DOCUMENT_MODULE}ViewerDocument';\n\n\n\n\n\n\n`,
    );
  });

  it('imports the document of any other call', () => {
    const code = "import { graphql } from '../gql';\nconst Fields = graphql(`fragment F on Viewer { id }`);\nexport const uses = [Fields];\n";
    const known = new Map([['fragment F on Viewer { id }', 'FFragmentDoc']]);
    expect(inlineGraphqlDocuments(code, known, 'viewer.operations.ts')).toBe(
      `import gql$FFragmentDoc from '${DOCUMENT_MODULE}FFragmentDoc';\nconst Fields = gql$FFragmentDoc;\nexport const uses = [Fields];\n`,
    );
  });

  it('leaves a module that does not import graphql alone', () => {
    expect(inlineGraphqlDocuments("import { useQuery } from '@apollo/client/react';\n", names, 'page.tsx')).toBeNull();
  });

  it('fails the build on an operation written since the last codegen, rather than sending an empty document', () => {
    const code = "import { graphql } from '../gql';\nexport const Q = graphql(`query New { me { id } }`);\n";
    expect(() => inlineGraphqlDocuments(code, names, 'new.operations.ts')).toThrow('npm run codegen');
  });
});
