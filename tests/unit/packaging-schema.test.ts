// electron-builder.json against electron-builder's own JSON schema (vendored: tests/fixtures/electron-builder). The
// builder cannot run on this machine, so this is the check it makes first, made here: a misspelt or misplaced key
// ("appID", linux.targett, dmg options under mac) or a wrong type stops a release build before it starts.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/electron-builder');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const config = readJson(path.join(root, 'electron-builder.json')) as Record<string, Record<string, unknown>>;
const pkg = readJson(path.join(root, 'package.json')) as { scripts: Record<string, string> };

/** The electron-builder version `npm run dist` runs (the release workflow runs the same script). */
const pinned = /\belectron-builder@(\d+\.\d+\.\d+)\b/.exec(pkg.scripts.dist)?.[1];
const schemaFiles = fs.readdirSync(fixtures).filter((f) => /^scheme-.*\.json$/.test(f));

// Stricter than electron-builder (which coerces types and ignores keywords it does not know): types as written,
// and every keyword in the schema understood. The schema's one non-standard keyword, typeof, is what
// ajv-keywords defines: the JavaScript typeof of the value (a function option cannot be written in JSON).
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (type: string, data: unknown) => typeof data === type });
const validate = ajv.compile(readJson(path.join(fixtures, schemaFiles[0] ?? 'missing.json')) as object);

/** The errors that name a key or a value (anyOf summaries left out), as "path keyword detail". */
function problems(data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? [])
    .filter((e: ErrorObject) => e.keyword !== 'anyOf')
    .map((e: ErrorObject) => `${e.instancePath || '/'} ${e.keyword} ${JSON.stringify(e.params)}`);
}

describe("electron-builder.json against electron-builder's schema", () => {
  it('vendors the schema of exactly the electron-builder version `npm run dist` pins', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    // Upgrading the builder without refreshing the schema (or the reverse) fails here: see the fixture's README.
    expect(schemaFiles).toEqual([`scheme-${pinned}.json`]);
    expect(readJson(path.join(fixtures, schemaFiles[0]))).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#' });
  });

  it('is valid', () => {
    expect(problems(config)).toEqual([]);
  });

  it('refuses a misspelt key at the top and inside a platform, naming each', () => {
    const broken = structuredClone(config);
    broken.appID = broken.appId;
    delete broken.appId;
    broken.linux.targett = broken.linux.target;
    delete broken.linux.target;
    const found = problems(broken);
    expect(found).toContain('/ additionalProperties {"additionalProperty":"appID"}');
    expect(found).toContain('/linux additionalProperties {"additionalProperty":"targett"}');
  });

  it('refuses an option in the wrong section, an unknown target and a wrong type', () => {
    const broken = structuredClone(config);
    broken.mac.title = 'Bearing'; // a dmg option
    broken.mac.target = ['dmgg']; // (the schema lists macOS targets; Windows and Linux take any string)
    broken.nsis.oneClick = 'false';
    const found = problems(broken);
    expect(found).toContain('/mac additionalProperties {"additionalProperty":"title"}');
    expect(found.some((p) => p.startsWith('/mac/target/0 enum'))).toBe(true);
    expect(found).toContain('/nsis/oneClick type {"type":"boolean"}');
  });
});
