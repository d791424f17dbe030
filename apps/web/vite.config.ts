/// <reference types="node" />
// The single-page app: built into dist/apps/web, which the API serves from the same origin.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { DOCUMENT_MODULE, inlineGraphqlDocuments, readDocumentNames, readGeneratedDocuments } from './src/build/graphql-documents';
import { adaptNhsukStylesheet, findClassesInUse, pruneUnusedNhsukRules, type ClassesInUse } from './src/build/nhsuk-stylesheet';

const here = path.dirname(fileURLToPath(import.meta.url));
const workspaceRoot = path.resolve(here, '../..');
const nhsukImages = path.join(workspaceRoot, 'node_modules/nhsuk-frontend/dist/nhsuk/assets/images');

/**
 * The NHS.UK frontend stylesheet loads its Frutiger fonts from a remote host and its icons from
 * /assets/images. The app makes no request off its own origin (privacy, and the closed networks
 * it runs on), so the remote @font-face rules are dropped (the design system's Arial fallback
 * applies) and the icons are served from the app itself. See docs/decisions/0004-nhsuk-assets.md.
 * Its Internet Explorer-only `@media screen\0` blocks go too (see adaptNhsukStylesheet). In a build, so do the
 * rules of the components and utilities no module of the app names (issue 19 point 5: about four fifths of it).
 */
function nhsukAssets(): Plugin {
  let inUse: ClassesInUse | undefined;
  return {
    name: 'ccg-assure:nhsuk-assets',
    enforce: 'pre',
    buildStart() {
      if (this.environment.mode !== 'build') return;
      const src = path.join(here, 'src');
      const modules = (readdirSync(src, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file) && !/\.spec\.tsx?$/.test(file));
      inUse = findClassesInUse([readFileSync(path.join(here, 'index.html'), 'utf8'), ...modules.map((file) => readFileSync(path.join(src, file), 'utf8'))]);
    },
    transform(code, id) {
      if (!id.includes('nhsuk-frontend') || !id.split('?')[0].endsWith('.css')) return null;
      const adapted = adaptNhsukStylesheet(code);
      return { code: inUse ? pruneUnusedNhsukRules(adapted, inUse) : adapted, map: null };
    },
    configureServer(server) {
      server.middlewares.use('/assets/images', (req, res, next) => {
        const name = path.basename((req.url ?? '').split('?')[0]);
        const file = path.join(nhsukImages, name);
        if (!name || !file.startsWith(nhsukImages)) return next();
        try {
          const body = readFileSync(file);
          res.setHeader('content-type', name.endsWith('.svg') ? 'image/svg+xml' : name.endsWith('.png') ? 'image/png' : 'image/x-icon');
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const name of readdirSync(nhsukImages)) {
        this.emitFile({ type: 'asset', fileName: `assets/images/${name}`, source: readFileSync(path.join(nhsukImages, name)) });
      }
    },
  };
}

/**
 * Each `graphql(`…`)` call becomes an import of its own generated document, each a module of its own, so a page's
 * chunk carries only the operations it uses (see src/build/graphql-documents.ts). Build only: the dev server and
 * Jest use the codegen's map.
 */
function graphqlDocuments(): Plugin {
  const generated = path.join(here, 'src/gql');
  let names: Map<string, string> | undefined;
  let documents: Map<string, string> | undefined;
  return {
    name: 'ccg-assure:graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      names = readDocumentNames(readFileSync(path.join(generated, 'gql.ts'), 'utf8'));
      documents = readGeneratedDocuments(readFileSync(path.join(generated, 'graphql.ts'), 'utf8'));
    },
    resolveId(id) {
      return id.startsWith(DOCUMENT_MODULE) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${DOCUMENT_MODULE}`)) return null;
      const name = id.slice(DOCUMENT_MODULE.length + 1);
      const json = documents?.get(name);
      if (!json) throw new Error(`No generated GraphQL document ${name}; run \`npm run codegen\``);
      return { code: `export default ${json};\n`, map: null };
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (!names || !/\.tsx?$/.test(file) || file.startsWith(generated) || !code.includes('graphql(`')) return null;
      const inlined = inlineGraphqlDocuments(code, names, path.relative(here, file));
      return inlined === null ? null : { code: inlined, map: null };
    },
  };
}

/**
 * React Router publishes a production build beside its development one (the same code without its development
 * warnings), but its package's exports name only the development build for browsers: in a build, `react-router`
 * is its production build (0.5 kB gzip off every page's shell; issue 19 point 5). The dev server and Jest keep the
 * warnings.
 */
function reactRouterProductionBuild(): Plugin {
  const production = path.join(workspaceRoot, 'node_modules/react-router/dist/production/index.mjs');
  return {
    name: 'ccg-assure:react-router-production',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      return id === 'react-router' ? production : null;
    },
  };
}

/** The app's and the domain library's modules, all but the app's entry (main.tsx), and the generated documents. */
const SIDE_EFFECT_FREE_SOURCES = /(\/apps\/web\/src\/(?!main\.tsx$).*|\/libs\/domain\/src\/.*)\.tsx?$|^\0virtual:ccg-assure-graphql-document\//;

export default defineConfig({
  root: here,
  cacheDir: path.join(workspaceRoot, 'node_modules/.vite/apps/web'),
  // Brotli and gzip copies of every text file beside it, which the API sends to browsers that accept them (issue 19
  // point 5, decision 0028); source maps are fetched only by developers' tools and stay as they are. From 512 bytes:
  // a page's small shared scripts (600 to 1,000 bytes) arrive in about two thirds of that, at no cost when served.
  plugins: [nhsukAssets(), graphqlDocuments(), reactRouterProductionBuild(), react(), compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json|txt)$/, exclude: /\.map$/, threshold: 512 })],
  resolve: {
    // rxjs (under Apollo Client) publishes an ES2015 build under this condition; without it the bundle gets its ES5
    // build, whose classes are emulated with tslib's helpers: about 3 kB gzip more in every page's shell.
    conditions: [...defaultClientConditions, 'es2015'],
    alias: { '@ccg-assure/domain': path.join(workspaceRoot, 'libs/domain/src/index.ts') },
  },
  server: {
    port: 4200,
    proxy: { '/graphql': 'http://localhost:4000', '/healthz': 'http://localhost:4000' },
  },
  build: {
    outDir: path.join(workspaceRoot, 'dist/apps/web'),
    emptyOutDir: true,
    // esbuild, as before Vite 8 made Lightning CSS the default: the stylesheet's output is unchanged.
    cssMinify: 'esbuild',
    sourcemap: true,
    rolldownOptions: {
      // Our modules (the app's and the domain library's) only declare: importing one runs nothing but main.tsx. Told
      // so, the bundler follows an import through a barrel (ui/nhs, @ccg-assure/domain) to the module that defines
      // the name, so the shell does not carry every page's share of them.
      treeshake: { moduleSideEffects: [{ test: SIDE_EFFECT_FREE_SOURCES, sideEffects: false }] },
      output: {
        codeSplitting: {
          groups: [
            // What every page needs (React, Apollo, the router, the layout) travels as one script, not a dozen small ones.
            { name: 'shell', tags: ['$initial'], priority: 2 },
            // The small shared modules most pages use (the calendar, formats, GraphQL errors, the kit's error summary,
            // inputs and table) travel as one script, rather than each as its own file of a few hundred bytes that
            // compresses badly. Used by at least twenty of the fifty-odd pages: measured on twelve pages, the first load of
            // eleven was 1 to 4 kB gzip lighter for it and sign-in's 0.1 kB heavier; a lower count made pages fetch
            // much that they do not use.
            { name: 'common', test: /[\\/]apps[\\/]web[\\/]src[\\/](ui|app)[\\/]|[\\/]libs[\\/]domain[\\/]src[\\/]/, minShareCount: 20, priority: 1 },
          ],
        },
      },
    },
  },
});
