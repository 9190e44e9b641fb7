// Lint, including the layering rules of DESIGN.md: src/shared is pure (no Node, DB, React, main or renderer) and
// its metrics sit below its contract; only src/main/electron imports electron; the renderer never reaches into main
// nor into the metrics; inside src/main every import points down the floors (mainFloors below), and SQL stays in
// src/main/db (and the importer's own bulk writes in src/main/import).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'stream', 'events', 'url', 'http'];

const sharedIsPure = {
  paths: [
    { name: 'electron', message: 'src/shared is pure: no Electron.' },
    { name: 'better-sqlite3', message: 'src/shared is pure: no database.' },
    { name: 'react', message: 'src/shared is pure: no React.' },
  ],
  patterns: [
    { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing from main, renderer or preload.' },
    { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'src/shared is pure: no database.' },
    { group: nodeBuiltins, message: 'src/shared is pure: no Node built-ins.' },
  ],
};

/**
 * SQL lives in src/main/db (STYLE.md: one data-access module; features call it, SQL does not spread). Above it, no
 * folder prepares a statement, sets a pragma or imports the drivers' values; a type-only import of better-sqlite3
 * (the Database type) is fine. src/main/import keeps its own bulk-write SQL, so it is not listed.
 */
const noSqlFolders = new Set(['electron', 'web', 'cli', 'workers', 'app', 'api', 'deck', 'services']);
const noSqlMessage = 'SQL lives in src/main/db: call (or add) a query function there.';
const noSqlImports = {
  paths: [{ name: 'better-sqlite3', allowTypeImports: true, message: noSqlMessage }],
  patterns: [
    { group: ['drizzle-orm', 'drizzle-orm/*'], allowTypeImports: true, message: noSqlMessage },
    { regex: '^\\.\\./db/schema$', allowTypeImports: true, message: `The tables are db's own. ${noSqlMessage}` },
  ],
};
const noSqlCalls = ['prepare', 'prepared', 'pragma'].flatMap((name) => [
  { selector: `CallExpression[callee.property.name='${name}']`, message: `No .${name}() here. ${noSqlMessage}` },
  { selector: `CallExpression[callee.name='${name}']`, message: `No ${name}() here. ${noSqlMessage}` },
]);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'drizzle/**', 'test-results/**', 'bench/.data/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.{js,mjs}', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src/main/electron and src/preload may import electron.' }] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', sharedIsPure] },
  },
  {
    // The model sits below the contract: the contract names the model's outputs, never the other way round.
    files: ['src/shared/metrics/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...sharedIsPure,
          patterns: [...sharedIsPure.patterns, { regex: '^\\.\\./contract(/|$)', message: 'src/shared/metrics does not import the contract.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through the typed client.' }],
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to main only through the typed client.' },
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node built-ins.' },
            { regex: '(^|/)shared/metrics(/|$)', message: 'The renderer reads metric names, labels and settings through src/shared/contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Floors inside src/main (DESIGN.md): an import only ever points down, as VS Code's layering rules enforce.
  ...mainFloors(),
);

/**
 * One block per folder of src/main. Every folder of main sits one level below src/main, so an import of another
 * folder is always `../<folder>/…`: the block refuses the folders on its own floor or above. Folders above db and
 * import also get the SQL rules (noSqlFolders); they live in the same block because, in flat config, a later block
 * setting the same rule for the same files would replace these options rather than add to them.
 */
function mainFloors() {
  const floors = [
    ['electron', 'web', 'cli', 'workers'], // hosts: the shell, the web host, the CLI, the import worker's entry
    ['app'], // the composition root: opens the store, the services and the API
    ['api'], // validation, handler map, cross-cutting wrappers
    ['deck'], // the QBR deck, above the services it reads
    ['services'], // the contract's implementation, one module per feature
    ['import'], // files to rows: sniff, decode, map, validate, write
    ['db'], // schema, connections and the queries of each table group
  ];
  const base = {
    paths: [{ name: 'electron', message: 'Only src/main/electron imports electron.' }],
    patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'main never imports the renderer or React.' }],
  };
  return floors.flatMap((floor, level) =>
    floor.map((folder) => {
      const above = floors.slice(0, level).flat();
      const beside = level === 0 ? floor.filter((f) => f !== folder) : [];
      // import and db share a floor, but db is the ground: it never reads the importer.
      const refused = [...above, ...beside, ...(folder === 'db' ? ['import'] : [])];
      const patterns = [...base.patterns];
      if (refused.length > 0) {
        patterns.push({
          regex: `^\\.\\./(${refused.join('|')})(/|$)`,
          message: `src/main/${folder} sits below ${refused.join(', ')}: imports point down the floors of DESIGN.md (hosts > app > api > deck > services > import, db > shared).`,
        });
      }
      const rules = { 'no-restricted-imports': folder === 'electron' ? ['error', { patterns }] : ['error', { paths: base.paths, patterns }] };
      if (noSqlFolders.has(folder)) {
        // A rule of its own (typescript-eslint's, for allowTypeImports), so it adds to the floors instead of replacing them.
        rules['@typescript-eslint/no-restricted-imports'] = ['error', noSqlImports];
        rules['no-restricted-syntax'] = ['error', ...noSqlCalls];
      }
      return { files: [`src/main/${folder}/**/*.ts`], rules };
    }),
  );
}
