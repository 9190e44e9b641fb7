// `npm run bench`: every benchmark in turn (import, health, portfolio), each printing its figures beside its
// target and a baseline measured in the same run. Exits non-zero when any target is missed.
import { spawnSync } from 'node:child_process';

const benches = ['bench:import', 'bench:health', 'bench:portfolio', 'bench:tasks'];
let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync('npm', ['run', '-s', name], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.stdout.write(`\n${benches.length - failed} of ${benches.length} benchmarks met their targets.\n`);
process.exitCode = failed === 0 ? 0 : 1;
