// `npm run demo:generate [-- --seed N]`: writes resources/demo-book.json.gz from generateDemoBook(seed).
// The output is deterministic, so regenerating with the same seed leaves the file unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { DEMO_BOOK_FILE, DemoBook, USAGE_STRIDE } from '../src/main/services/demo-book';
import { DEFAULT_SEED, generateDemoBook } from './demo/generate';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
const seed = values.seed === undefined ? DEFAULT_SEED : Number.parseInt(values.seed, 10);
if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);

const book = DemoBook.parse(generateDemoBook(seed));
const json = JSON.stringify(book);
const gz = gzipSync(json, { level: 9 });
const out = values.out ?? path.join(import.meta.dirname, '..', DEMO_BOOK_FILE);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, gz);

const rows = book.accounts.reduce((n, a) => n + a.usage.length / USAGE_STRIDE, 0);
const users = book.accounts.reduce((n, a) => n + a.users.length, 0);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
console.log(
  `Wrote ${path.relative(process.cwd(), out)}: seed ${seed}, ${book.accounts.length} accounts, ${users} users, ` +
    `${rows} usage rows; ${kb(json.length)} JSON, ${kb(gz.length)} gzipped.`,
);
