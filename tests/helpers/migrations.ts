// A store as an older Bearing left it: the same migration files with the journal cut before a given one, so a test
// can fill the old tables by plain SQL and then open the store with this build's migrations.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { findMigrationsFolder } from '../../src/main/db/open';
import { tempDir } from './backend';

/** A copy of the migrations folder whose journal ends just before the migration tagged `tagPrefix…`. */
export function migrationsBefore(tagPrefix: string): string {
  const source = findMigrationsFolder();
  const folder = tempDir('bearing-old-migrations-');
  fs.cpSync(source, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.startsWith(tagPrefix));
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}
