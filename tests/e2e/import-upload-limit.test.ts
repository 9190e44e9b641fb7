// Issue #13, point 7: in the browser an upload is capped; a file over the cap is refused on its card with a
// message saying what to do, and nothing of it is kept. A file under the cap imports, and its copy is deleted.
// The cap is lowered for the test (the real one is 2 GB) so that the fixtures cross it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchApp, type App } from './harness';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const CAP = 700;
let app: App;

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, maxUploadBytes: CAP });
  await app.page.getByTestId('empty-book').waitFor();
});
afterAll(async () => app?.close());

describe('uploads in the browser', () => {
  it('refuse a file over the cap with a clear message and keep nothing; import one under it and delete its copy', async () => {
    const { page } = app;
    const big = 'salesforce-accounts.csv';
    const small = 'amplitude-events.csv';
    expect(fs.statSync(path.join(FIXTURES, big)).size).toBeGreaterThan(CAP);
    expect(fs.statSync(path.join(FIXTURES, small)).size).toBeLessThan(CAP);
    await page.goto(`http://127.0.0.1:${app.host.port}/#/import`);
    await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles([path.join(FIXTURES, big), path.join(FIXTURES, small)]);
    const refused = page.locator(`[data-testid=file-card][data-file="${big}"][data-stage=unreadable]`);
    await refused.waitFor();
    expect(await refused.textContent()).toContain(`${big} is 861 bytes: in the browser Bearing takes files up to 700 bytes. Split the export into smaller files`);
    const uploads = path.join(app.dataDir, 'uploads');
    const ready = page.locator(`[data-testid=file-card][data-file="${small}"][data-stage=ready]`);
    await ready.waitFor();
    // Only the small file's copy is held (one folder per upload), none of the refused one.
    expect(fs.readdirSync(uploads)).toHaveLength(1);
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(ARTIFACTS, `import-upload-too-large-${w}x${h}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await ready.getByTestId('start-import').click();
    await page.locator(`[data-testid=file-card][data-file="${small}"]`).getByTestId('import-summary').waitFor({ timeout: 30_000 });
    await expect.poll(() => fs.readdirSync(uploads)).toEqual([]);
    expect(app.consoleErrors.filter((e) => !e.includes('413'))).toEqual([]);
  });
});
