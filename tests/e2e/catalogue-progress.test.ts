// Issue #11's last gap, in Chromium through the web host: a catalogue change on a book of 400 accounts (a
// Salesforce account report and a Mixpanel export written here from a seed, imported as a CSM would) shows the
// health history's rescoring as a percentage that main reports ('health.progress'), not only a busy state.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/shared/prng';
import { startImport } from '../../src/main/services/imports';
import { tempDir } from '../helpers/backend';
import { ARTIFACTS, launchApp, type App } from './harness';

const TODAY = new Date('2026-11-30T12:00:00Z');
const ACCOUNTS = 400;
let app: App;

function files(dir: string): { accounts: string; events: string } {
  const r = new Rng(7);
  const accounts = ['"Account Name","Account ID","Licenses","Contract Start Date","Renewal Date"'];
  const events = ['event,time,distinct_id,$email,$name,company_id,$insert_id,mp_lib'];
  const today = Math.floor(TODAY.getTime() / 86_400_000);
  let n = 0;
  for (let a = 1; a <= ACCOUNTS; a++) {
    const id = `0015g0000${String(a).padStart(5, '0')}AAZ`;
    accounts.push(`"Customer ${a}","${id}","${10 + (a % 20)}","1/15/2026","1/14/2027"`);
    for (let day = today - 120; day < today; day++) {
      for (let u = 1; u <= 3; u++) {
        if (!r.chance(0.3)) continue;
        events.push(`${r.pick(['Viewed Dashboard', 'Exported Report', 'Created Alert'])},${day * 86_400 + 3_600 * u},u-${a}-${u},u${u}@c${a}.example,User ${u},${id},e${n++},web`);
      }
    }
  }
  fs.writeFileSync(path.join(dir, 'salesforce-accounts.csv'), `${accounts.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'mixpanel-events.csv'), `${events.join('\n')}\n`);
  return { accounts: path.join(dir, 'salesforce-accounts.csv'), events: path.join(dir, 'mixpanel-events.csv') };
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => TODAY });
  const written = files(tempDir());
  for (const file of [written.accounts, written.events]) {
    const summary = await startImport(app.backend.context, { path: file, timeZone: 'UTC' }).done;
    if (summary.error) throw new Error(summary.error.message);
  }
}, 180_000);

afterAll(async () => app?.close());

describe('a catalogue change shows the rescoring as a percentage', () => {
  it('marking a feature key shows the percentage of accounts rescored, then what it did', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/settings`);
    await page.getByTestId('features-list').waitFor({ timeout: 30_000 });
    const sizes = [[1440, 900], [1024, 700]] as const;
    // Every percentage the page shows, recorded in the page as it changes (a poll from here can miss a fast book).
    // (A script in a string: the page's DOM types are not the Node side's.)
    await page.evaluate(`(() => {
      window.percents = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid=catalogue-percent]');
        const p = el ? Number(el.getAttribute('data-percent')) : null;
        if (p !== null && window.percents.at(-1) !== p) window.percents.push(p);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);
    // Marking the feature key, then unmarking it: each rescoring photographed part-way, at one size each, where the
    // machine is quick enough to catch it; each followed to its end.
    for (const [w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByTestId('settings-features').scrollIntoViewIfNeeded();
      await page.locator('[data-testid=feature-item][data-feature="Viewed Dashboard"]').getByTestId('feature-key').click({ force: true });
      const part = page.locator('[data-testid=catalogue-percent]:not([data-percent="0"]):not([data-percent="100"])');
      if (await part.waitFor({ timeout: 10_000 }).then(() => true, () => false)) {
        await page.screenshot({ path: path.join(ARTIFACTS, `catalogue-progress-${w}x${h}.png`) });
      }
      await page.getByTestId('catalogue-busy').waitFor({ state: 'hidden', timeout: 60_000 });
    }
    const percents = (await page.evaluate('window.percents')) as number[];
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('catalogue-last-change').waitFor();
    // Each change: 0 first, then the accounts done of 400 in chunks of 50 (13, 25, 38 … rounded) up to 100, never
    // going back within a change.
    const changes = percents.join(' ').split(/(?<=100) /).map((run) => run.split(' ').map(Number));
    expect(changes).toHaveLength(2);
    for (const run of changes) {
      expect(run[0]).toBe(0);
      expect(run.at(-1)).toBe(100);
      expect(run.some((p) => p > 0 && p < 100)).toBe(true);
      expect([...run].sort((x, y) => x - y)).toEqual(run);
    }
    expect(await page.getByTestId('catalogue-last-change').textContent()).toContain('done');
  }, 120_000);
});
