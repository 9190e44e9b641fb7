// `npm test`: typecheck (both projects), lint, unit tests, then the end-to-end tests in Chromium against the web
// host. Every suite runs even when an earlier one fails, and the last line sums them all:
// "N passed, N failed" (typecheck and lint count as one check each).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureNativeBinding } from './native.mjs';

// .npmrc's ignore-scripts left better-sqlite3 unbuilt after a fresh `npm ci`: built here, once.
ensureNativeBinding();

const results = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-test-'));

function run(label, command, args) {
  process.stdout.write(`\n=== ${label}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  process.stdout.write(`=== ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return r.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function vitest(label, project, before) {
  if (before && !run(`${label} (build)`, before[0], before[1])) {
    results.push({ label, passed: 0, failed: 1 });
    return;
  }
  const report = path.join(tmp, `${project}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!fs.existsSync(report)) {
    results.push({ label, passed: 0, failed: 1 });
    return;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  const failedSuites = json.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  const failed = json.numFailedTests + failedSuites + (ok || json.numFailedTests + failedSuites > 0 ? 0 : 1);
  results.push({ label, passed: json.numPassedTests, failed });
}

check('typecheck', 'npm', ['run', '-s', 'typecheck']);
check('lint', 'npm', ['run', '-s', 'lint']);
vitest('unit', 'unit');
vitest('e2e', 'e2e', ['npm', ['run', '-s', 'build:web']]);

fs.rmSync(tmp, { recursive: true, force: true });

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
process.stdout.write('\n' + results.map((r) => `${r.label}: ${r.passed} passed, ${r.failed} failed`).join('\n') + '\n');
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
