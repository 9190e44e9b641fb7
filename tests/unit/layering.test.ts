// The house's walls, checked: no import circle anywhere in src, and the linter refuses an import that points up a
// floor of src/main (DESIGN.md: hosts > app > api > deck > services > import, db > shared) or from the metrics to
// the contract, or from the renderer into the metrics.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Each file's relative imports (type-only ones included: a circle of types is still a circle), resolved by TypeScript. */
function importGraph(files: string[]): Map<string, string[]> {
  const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const deps = info.importedFiles
      .filter((i) => i.fileName.startsWith('.'))
      .map((i) => ts.resolveModuleName(i.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((f): f is string => f !== undefined && !f.includes('node_modules'));
    graph.set(file, deps);
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one file: each is an import circle. */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(path.relative(root, w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import graph', () => {
  it('finds a circle when there is one (the detector itself)', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => path.join(root, n));
    const graph = new Map([
      [a, [b]],
      [b, [c]],
      [c, [a]],
      [d, [a]],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('has no circle in src', () => {
    const graph = importGraph(sourceFiles(path.join(root, 'src')));
    expect(graph.size).toBeGreaterThan(100);
    expect([...graph.values()].flat().length).toBeGreaterThan(300);
    expect(circles(graph)).toEqual([]);
  });
});

describe('layering rules (lint)', () => {
  const eslint = new ESLint({ cwd: root });
  async function refused(file: string, source: string): Promise<boolean> {
    const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
    return result.messages.some((m) => m.ruleId === 'no-restricted-imports');
  }
  const floors = [['electron', 'web', 'cli', 'workers'], ['app'], ['api'], ['deck'], ['services'], ['import', 'db']];

  it.each(floors.flatMap((floor, level) => floor.flatMap((from) => floors.slice(0, level).flat().map((to) => [from, to]))))(
    'refuses src/main/%s importing src/main/%s',
    async (from, to) => {
      expect(await refused(`src/main/${from}/probe.ts`, `import { x } from '../${to}/anything';\nexport const y = x;\n`)).toBe(true);
    },
  );

  it.each([
    ['services', 'db'],
    ['services', 'import'],
    ['deck', 'services'],
    ['api', 'deck'],
    ['app', 'api'],
    ['cli', 'app'],
    ['workers', 'services'],
    ['import', 'db'],
  ])('allows src/main/%s importing src/main/%s', async (from, to) => {
    expect(await refused(`src/main/${from}/probe.ts`, `import { x } from '../${to}/anything';\nexport const y = x;\n`)).toBe(false);
  });

  it('refuses db importing import, and one host importing another', async () => {
    expect(await refused('src/main/db/probe.ts', `import { x } from '../import/job';\nexport const y = x;\n`)).toBe(true);
    expect(await refused('src/main/web/probe.ts', `import { x } from '../cli/main';\nexport const y = x;\n`)).toBe(true);
  });

  it('refuses the metrics importing the contract, and the renderer importing the metrics', async () => {
    expect(await refused('src/shared/metrics/probe.ts', `import { x } from '../contract/accounts';\nexport const y = x;\n`)).toBe(true);
    expect(await refused('src/shared/contract/probe.ts', `import { x } from '../metrics/settings';\nexport const y = x;\n`)).toBe(false);
    expect(await refused('src/renderer/src/probe.ts', `import { x } from '../../shared/metrics/settings';\nexport const y = x;\n`)).toBe(true);
    expect(await refused('src/renderer/src/probe.ts', `import { x } from '../../shared/contract';\nexport const y = x;\n`)).toBe(false);
  });
});

// Issue #10: SQL was spread over 27 files and the deck borrowed the statement cache from a service. It lives in
// src/main/db now (STYLE.md: one data-access module), and the linter keeps it there.
describe('SQL stays in src/main/db (lint)', () => {
  const eslint = new ESLint({ cwd: root });
  async function rules(file: string, source: string): Promise<(string | null)[]> {
    const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
    return result.messages.map((m) => m.ruleId);
  }
  const prepare = `import type Database from 'better-sqlite3';\nexport const one = (sqlite: Database.Database) => sqlite.prepare('SELECT 1').get();\n`;

  it('refuses a .prepare( in a services file and allows it in a db file', async () => {
    expect(await rules('src/main/services/probe.ts', prepare)).toContain('no-restricted-syntax');
    expect(await rules('src/main/db/probe.ts', prepare)).toEqual([]);
  });

  it.each(['services', 'deck', 'api', 'app', 'cli', 'web', 'workers', 'electron'])(
    'refuses prepare(), prepared(), pragmas and the drivers in src/main/%s',
    async (folder) => {
      const file = `src/main/${folder}/probe.ts`;
      expect(await rules(file, prepare)).toContain('no-restricted-syntax');
      const cached = `import { prepared } from '../db/statements';\nexport const one = (s: Parameters<typeof prepared>[0]) => prepared(s, 'SELECT 1').get();\n`;
      expect(await rules(file, cached)).toContain('no-restricted-syntax');
      expect(await rules(file, `export const wal = (s: { pragma(p: string): unknown }) => s.pragma('journal_mode');\n`)).toContain('no-restricted-syntax');
      expect(await rules(file, `import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n`)).toContain(
        '@typescript-eslint/no-restricted-imports',
      );
      expect(await rules(file, `import { eq } from 'drizzle-orm';\nexport const x = eq;\n`)).toContain('@typescript-eslint/no-restricted-imports');
      expect(await rules(file, `import { accounts } from '../db/schema';\nexport const x = accounts;\n`)).toContain(
        '@typescript-eslint/no-restricted-imports',
      );
    },
  );

  it('allows the Database type and the query functions of db above it', async () => {
    const typed = `import type Database from 'better-sqlite3';\nimport { loadFeatures } from '../db/features';\nexport const f = (s: { db: never; sqlite: Database.Database }) => loadFeatures(s);\n`;
    expect(await rules('src/main/services/probe.ts', typed)).toEqual([]);
  });

  it('keeps the floors in the same folders (the SQL rule adds to them, it does not replace them)', async () => {
    const both = `import { x } from '../api/anything';\nexport const y = x;\nexport const z = (s: { prepare(q: string): unknown }) => s.prepare('SELECT 1');\n`;
    expect(await rules('src/main/services/probe.ts', both)).toEqual(expect.arrayContaining(['no-restricted-imports', 'no-restricted-syntax']));
  });

  it('leaves the importer its own bulk-write SQL', async () => {
    expect(await rules('src/main/import/probe.ts', prepare)).toEqual([]);
  });
});
