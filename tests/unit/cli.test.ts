import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';

// The CLI as a user runs it: `npm run -s cli -- …` in a fresh data folder (no build step).
function cli(args: string[], dataDir: string) {
  return spawnSync('npm', ['run', '-s', 'cli', '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, BEARING_DATA_DIR: dataDir },
  });
}

describe('the CLI', () => {
  it('prints help listing its commands', () => {
    const r = cli(['--help'], tempDir());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('demo');
    expect(r.stdout).toContain('accounts');
  });

  it('refuses an unknown command or flag with exit code 2', () => {
    expect(cli(['nonsense'], tempDir()).status).toBe(2);
    const r = cli(['accounts', '--bogus'], tempDir());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--bogus'");
  });

  it('prints an empty JSON array on an empty store', () => {
    const r = cli(['accounts', '--json'], tempDir());
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('loads the demo book and lists its accounts as JSON with the contract fields', () => {
    const dataDir = tempDir();
    execFileSync('npm', ['run', '-s', 'cli', '--', 'demo'], { env: { ...process.env, BEARING_DATA_DIR: dataDir } });
    const r = cli(['accounts', '--json'], dataDir);
    expect(r.status).toBe(0);
    const accounts = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(accounts.length).toBeGreaterThanOrEqual(50);
    for (const key of ['id', 'name', 'stage', 'arr', 'currency', 'licenses', 'renewalDate']) {
      expect(accounts[0]).toHaveProperty(key);
    }
    const live = accounts.filter((a) => !a.churned);
    expect(new Set(live.map((a) => a.stage))).toEqual(new Set(['onboarding', 'adoption', 'renewal']));
    // Former customers (latest renewal churned) have no journey stage.
    expect(accounts.filter((a) => a.churned).every((a) => a.stage === null)).toBe(true);
  }, 60_000);
});
