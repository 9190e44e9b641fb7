// Issue #13: a fuzz test over every contract method. Each method gets random and boundary payloads built from its
// own input schema (every field at its edges: empty, huge, negative, fractional, impossible dates, paths the user
// never chose, formula cells, prototype keys) on a book imported from vendor-shaped files. What must hold: no
// answer is an internal error or leaks a raw SQLite message or a stack, and a call that fails changes nothing in
// the store (every table compared, health snapshots aside: they are a cache a read may fill).
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Backend } from '../../src/main/app/backend';
import { contract } from '../../src/shared/contract';
import { Rng } from '../../src/shared/prng';
import { tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
const PAYLOADS_PER_METHOD = 40;
/** Tables a read may fill as a cache, and the app's own bookkeeping of migrations. */
const DERIVED = new Set(['health_snapshots', 'health_snapshots_tenths', 'health_stale', '__drizzle_migrations', 'sqlite_sequence']);

const STRINGS = [
  '',
  ' ',
  'x'.repeat(100_000),
  '../../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '2026-02-31',
  '2026-13-45',
  '0000-00-00',
  '9999-12-31',
  '=cmd|\' /C calc\'!A0',
  '\u0000\u202e\ud800',
  '<script>alert(1)</script>',
  "'; DROP TABLE accounts; --",
  '__proto__',
  'NaN',
  '1e309',
  'fh_' + 'A'.repeat(32),
  'backup-2026-01-01.sqlite',
  '../bearing.sqlite',
];
const NUMBERS = [0, -1, 1, 1.5, -0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, Number.MIN_VALUE];

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * A value for a schema: at the schema's edges, sometimes plainly wrong in type. `wild` is how often: payloads near
 * 0 are mostly plausible (so that creates get past validation and into the services with one odd field).
 */
function valueFor(schema: z.ZodType, r: Rng, wild: number, depth = 0): unknown {
  if (r.chance(wild * 0.1)) return r.pick<unknown>([null, 'x', -1, [], {}, true, { __proto__: { polluted: true } }]);
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      if (def.type !== 'nonoptional' && r.chance(0.3)) return def.type === 'nullable' ? null : undefined;
      return valueFor(def.innerType as z.ZodType, r, wild, depth);
    case 'pipe':
      return valueFor(def.in as z.ZodType, r, wild, depth);
    case 'lazy':
      return depth > 3 ? null : valueFor((def.getter as () => z.ZodType)(), r, wild, depth + 1);
    case 'string':
      return r.chance(wild) ? r.pick(STRINGS) : r.pick(['2026-11-24', '2025-01-01', 'Dashboards', 'Globex', 'a@b.test']);
    case 'number':
    case 'int':
      return r.chance(wild) ? r.pick(NUMBERS) : r.int(1, 4);
    case 'bigint':
      return r.int(-5, 5);
    case 'boolean':
      return r.chance(0.5);
    case 'literal':
      return !r.chance(wild * 0.2) ? (def.values as unknown[])[0] : 'not-the-literal';
    case 'enum':
      return !r.chance(wild * 0.2) ? r.pick(Object.values(def.entries as Record<string, unknown>)) : 'not-an-option';
    case 'array':
      if (depth > 3) return [];
      return r.chance(wild * 0.1) ? Array.from({ length: 5_000 }, () => 1) : Array.from({ length: r.int(0, 3) }, () => valueFor(def.element as z.ZodType, r, wild, depth + 1));
    case 'record':
      return depth > 3 ? {} : { [String(r.pick(STRINGS)).slice(0, 50)]: valueFor(def.valueType as z.ZodType, r, wild, depth + 1) };
    case 'union':
      return valueFor(r.pick(def.options as z.ZodType[]), r, wild, depth);
    case 'discriminatedUnion':
      return valueFor(r.pick(def.options as z.ZodType[]), r, wild, depth);
    case 'object': {
      if (depth > 3) return {};
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const v = valueFor(field, r, wild, depth + 1);
        if (v !== undefined) out[key] = v;
      }
      if (r.chance(wild * 0.1)) out.unexpected = 'extra';
      return out;
    }
    default:
      return r.pick<unknown>([null, 'x', 1, {}]);
  }
}

/** Every table's rows, hashed: what a failed call must leave as it was. */
function storeHash(b: Backend): string {
  const sqlite = b.database.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const hash = crypto.createHash('sha256');
  for (const t of tables) {
    if (DERIVED.has(t)) continue;
    hash.update(t);
    for (const row of sqlite.prepare(`SELECT * FROM "${t}"`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return hash.digest('hex');
}

const LEAKS = /SqliteError|SQLITE_[A-Z]|\n\s+at |node_modules|\.ts:\d+/;

let backend: Backend;
beforeAll(async () => {
  backend = tempBackend();
  await runJob(backend, { path: path.join(BOOK, 'salesforce-accounts.csv'), timeZone: 'UTC' });
  await runJob(backend, { path: path.join(BOOK, 'mixpanel-events.csv'), timeZone: 'UTC' });
}, 120_000);
afterAll(() => backend?.close());

/** Methods some payload got past validation into the service: a fuzz that only ever met invalid_input tested zod. */
const reached = new Set<string>();

describe('every contract method under random and boundary payloads', () => {
  for (const name of Object.keys(contract).sort()) {
    it(name, async () => {
      const spec = contract[name as keyof typeof contract];
      const r = new Rng(1).fork(`fuzz ${name}`);
      const payloads: unknown[] = [undefined, null, 0, 'x', [], { __proto__: { admin: true } }, { unexpected: 1 }];
      // A method that takes nothing has no fields to vary: the payloads above are all there is to try.
      const takesNothing = Object.keys(defOf(spec.input).shape ?? {}).length === 0;
      for (let i = 0; !takesNothing && i < PAYLOADS_PER_METHOD; i++) payloads.push(valueFor(spec.input as z.ZodType, r, i % 2 === 0 ? 0.7 : 0.05));
      for (const payload of payloads) {
        const before = storeHash(backend);
        const result = await backend.api.invoke(name, payload);
        const shown = JSON.stringify(payload)?.slice(0, 300);
        if (result.ok || result.error.code !== 'invalid_input') reached.add(name);
        if (result.ok) continue;
        expect(['internal', 'invalid_output'], `${name} ${shown}: ${result.error.message}`).not.toContain(result.error.code);
        expect(result.error.message, `${name} ${shown}`).not.toMatch(LEAKS);
        expect(storeHash(backend), `${name} failed (${result.error.code}) but changed the store: ${shown}`).toBe(before);
      }
    }, 180_000);
  }

  it('got past input validation into most services', () => {
    expect(reached.size, [...reached].join(', ')).toBeGreaterThan(Object.keys(contract).length * 0.9);
  });
});
