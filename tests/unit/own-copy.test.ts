import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../src/main/import/own-copy';
import { People } from '../../src/main/import/people';
import { tempBackend } from '../helpers/backend';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth (MB) while what `take` returns for 60 cells cut out of 60 distinct 1 MB texts is kept. */
function retainedMb(take: (cell: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 60; i++) {
    // A decoded slice of a file, and an e-mail cell the parser cuts out of it (a substring of 30 characters).
    const slice = `${'x'.repeat(1 << 20)}user${String(i).padStart(3, '0')}@customer42.example.com,${i}`;
    kept.push(take(slice.substring(1 << 20, (1 << 20) + 30)));
  }
  gc();
  const mb = (process.memoryUsage().heapUsed - before) / 1e6;
  expect(kept[7]).toBe('user007@customer42.example.com');
  return mb;
}

describe('ownCopy', () => {
  it('keeps the characters, not the text the cell was cut from', () => {
    // The control: kept as cut (or lower-cased, which returns a lower-case cell itself), the cells hold 60 MB.
    expect(retainedMb((cell) => cell.toLowerCase())).toBeGreaterThan(50);
    expect(retainedMb(ownCopy)).toBeLessThan(5);
  });

  it('answers the same string', () => {
    for (const s of ['', 'u-1', 'exactly13char', 'Anna.Schmidt@Example.com', 'ü'.repeat(40)]) expect(ownCopy(s)).toBe(s);
    expect(ownCopy(null)).toBeNull();
  });
});

describe('People', () => {
  it('keeps the people an import meets without the file text their cells were cut from', () => {
    const backend = tempBackend();
    try {
      const people = new People(backend.database.sqlite, () => {}, 10);
      const accountId = Number(backend.database.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Acme')").run().lastInsertRowid);
      backend.database.sqlite.exec('BEGIN');
      // Each new person's id and e-mail as the parser hands them over: views of a 1 MB slice of the file.
      expect(retainedMb((cell) => people.create(cell, cell, null, accountId).label)).toBeLessThan(5);
      backend.database.sqlite.exec('ROLLBACK');
    } finally {
      backend.close();
    }
  });
});
