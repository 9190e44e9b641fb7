// `npm run demo:files -- --out DIR [--seed N] [--today YYYY-MM-DD] [--tz ZONE]`: writes the demo book's export
// files (the ones `demo` imports at first start) into DIR, to look at them or import them by hand. Deterministic:
// the same seed, day and zone give the same bytes.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { dayNumber } from '../src/shared/dates';
import { writeDemoFiles } from '../src/main/services/demo-files';
import { DEFAULT_SEED, generateDemoBook } from '../src/main/services/demo-generate';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' }, tz: { type: 'string' } } });
const seed = values.seed === undefined ? DEFAULT_SEED : Number.parseInt(values.seed, 10);
if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
if (!values.out) throw new Error('--out DIR is required: the folder the files are written to.');
const todayIso = values.today ?? new Date().toISOString().slice(0, 10);
const today = dayNumber(todayIso);
const now = values.today ? Date.parse(`${todayIso}T23:59:59Z`) : Date.now();
fs.mkdirSync(values.out, { recursive: true });
const started = Date.now();
const files = writeDemoFiles(generateDemoBook(seed), { base: today - ((today + 3) % 7), today, now, timeZone: values.tz ?? 'UTC' }, values.out);
for (const f of Object.values(files)) console.log(`${f.path}: ${f.rows} rows, ${(fs.statSync(f.path).size / 1024).toFixed(0)} KB`);
console.log(`Seed ${seed}, placed at ${todayIso}, in ${Date.now() - started} ms.`);
