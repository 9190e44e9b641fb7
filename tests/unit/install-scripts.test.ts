// Installing on the npm that Node ships (#16 point 2): npm 10 ignores package.json's allowScripts, so the project's
// .npmrc turns every install script off (Electron's download would fail on a closed network), and
// scripts/native.mjs builds the one native binding Bearing needs on first use. A script that opens the store
// without going through it would fail with "Could not locate the bindings file" after a fresh `npm ci`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('installing with npm 10 or 11 on a closed network', () => {
  it('runs no dependency install script', () => {
    const npmrc = fs.readFileSync(path.join(root, '.npmrc'), 'utf8');
    expect(npmrc.split('\n').map((l) => l.trim())).toContain('ignore-scripts=true');
    // A pre/post hook would not run under ignore-scripts: none may be relied on.
    expect(Object.keys(scripts).filter((name) => /^(pre|post)/.test(name) || name === 'prepare' || name === 'install')).toEqual([]);
  });

  it('builds better-sqlite3 first in every script that opens a store', () => {
    // tsx runs the CLI, the benchmarks and the demo files; vitest the tests; start.mjs and test.mjs call it themselves.
    const opening = Object.entries(scripts).filter(([, command]) => /\b(tsx|vitest)\b/.test(command));
    expect(opening.map(([name]) => name).sort()).toEqual(
      ['bench', 'bench:health', 'bench:import', 'bench:parquet', 'bench:portfolio', 'bench:tasks', 'cli', 'demo:files', 'test:e2e', 'test:unit'].sort(),
    );
    for (const [name, command] of opening) expect(command, name).toMatch(/^node scripts\/native\.mjs && /);
    for (const file of ['scripts/test.mjs', 'scripts/start.mjs']) {
      expect(fs.readFileSync(path.join(root, file), 'utf8'), file).toMatch(/^\s*ensureNativeBinding\(\);$/m);
    }
  });

  it('says nothing and goes on when the binding already loads', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/native.mjs')], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
  });
});
