// Issue #16, point 2: the drop-anywhere overlay on plain HTML drag-and-drop (it was @mantine/dropzone's
// Dropzone.FullScreen, whose dependencies ask for Node 22). Files dragged over any screen show the full-window
// overlay, which stays put while the drag crosses elements (a counter, not a flag), hides when the drag leaves the
// window, ignores drags that carry no files, and hands every dropped file, of any type, to the Import screen.
import fs from 'node:fs';
import path from 'node:path';
import type { JSHandle, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulateColorScheme, launchApp, type App } from './harness';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
let app: App;

/** A DataTransfer built in the page (one cannot cross from Node) holding fixture files, as a file manager sends. */
function filesTransfer(page: Page, names: string[]): Promise<JSHandle> {
  const files = names.map((name) => ({ name, bytes: fs.readFileSync(path.join(FIXTURES, name)).toString('base64') }));
  return page.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    for (const f of ${JSON.stringify(files)}) {
      const data = Uint8Array.from(atob(f.bytes), (c) => c.charCodeAt(0));
      transfer.items.add(new File([data], f.name, { type: f.name.endsWith('.csv') ? 'text/csv' : '' }));
    }
    return transfer;
  })()`);
}

/** What the CSM sees of the overlay: shown (visible and opaque) or not. */
function overlayShown(page: Page): Promise<boolean> {
  // The element's type comes from the DOM, which this Node-side tsconfig does not know: it is read as `any`.
  return page.getByTestId('drop-anywhere').evaluate((el) => {
    const style = el.ownerDocument.defaultView.getComputedStyle(el);
    return style.visibility === 'visible' && style.opacity === '1' && el.getAttribute('aria-hidden') === 'false';
  });
}

/** Whether the page accepted a dragover on the body: the browser allows a drop (and opens no file) only then. */
function dragoverAccepted(page: Page, dataTransfer: JSHandle): Promise<boolean> {
  return page.getByTestId('drop-anywhere').evaluate((el, transfer) => {
    const event = new el.ownerDocument.defaultView.DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
    el.ownerDocument.body.dispatchEvent(event);
    return event.defaultPrevented as boolean;
  }, dataTransfer);
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false });
  await app.page.getByTestId('empty-book').waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('dropping files anywhere on the window', () => {
  it('shows the overlay while files are over the window, without flicker, and hides it when they leave', async () => {
    const { page } = app;
    const overlay = page.getByTestId('drop-anywhere');
    expect(await overlayShown(page)).toBe(false);
    const dataTransfer = await filesTransfer(page, ['pendo-events.csv']);
    await page.dispatchEvent('[data-testid=empty-book]', 'dragenter', { dataTransfer });
    await expect.poll(() => overlayShown(page)).toBe(true);
    // The overlay appears under the pointer: it is entered before the element below is left.
    await overlay.dispatchEvent('dragenter', { dataTransfer });
    await page.dispatchEvent('[data-testid=empty-book]', 'dragleave', { dataTransfer });
    await overlay.dispatchEvent('dragover', { dataTransfer });
    await page.waitForTimeout(300);
    expect(await overlayShown(page)).toBe(true);
    expect(await dragoverAccepted(page, dataTransfer)).toBe(true);

    await app.screenshot('drop-anywhere-1440x900');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('drop-anywhere-1024x700');
    await emulateColorScheme(page, 'dark');
    await app.screenshot('drop-anywhere-1024x700-dark');
    await emulateColorScheme(page, 'light');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Out of the window: the last element is left.
    await overlay.dispatchEvent('dragleave', { dataTransfer });
    await expect.poll(() => overlayShown(page)).toBe(false);
    // A stray dragleave more than there were enters changes nothing for the next drag.
    await overlay.dispatchEvent('dragleave', { dataTransfer });
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await expect.poll(() => overlayShown(page)).toBe(true);
    await page.dispatchEvent('body', 'dragleave', { dataTransfer });
    await expect.poll(() => overlayShown(page)).toBe(false);
    await dataTransfer.dispose();
    expect(app.consoleErrors).toEqual([]);
  });

  it('ignores a drag that carries no files (text or a link)', async () => {
    const { page } = app;
    const text = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', 'Harbor Freight Logistics');
      return transfer;
    })()`);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: text });
    await page.waitForTimeout(300);
    expect(await overlayShown(page)).toBe(false);
    expect(await dragoverAccepted(page, text)).toBe(false);
    await text.dispose();
  });

  it('takes every file dropped, of any type, to the Import screen', async () => {
    const { page } = app;
    const dataTransfer = await filesTransfer(page, ['pendo-events.csv', 'binary.bin']);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    const overlay = page.getByTestId('drop-anywhere');
    await overlay.dispatchEvent('dragenter', { dataTransfer });
    await overlay.dispatchEvent('dragover', { dataTransfer });
    await overlay.dispatchEvent('drop', { dataTransfer });
    await dataTransfer.dispose();
    await expect.poll(() => page.url()).toContain('#/import');
    await page.locator('[data-testid=file-card][data-file="pendo-events.csv"]').first().waitFor();
    await page.locator('[data-testid=file-card][data-file="binary.bin"]').first().waitFor();
    expect(await overlayShown(page)).toBe(false);
  });
});
