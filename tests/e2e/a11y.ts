// What "readable" means in the end-to-end tests, as checks that can fail: axe-core's WCAG 2.x A and AA rules
// (text contrast, names for fields, buttons, links and images) on what the page shows, and layout boxes that do
// not overlap.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0 and 2.1 level A and AA rules: contrast, labels, button, link and image names among them. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * Runs axe on the page as it is now and fails with one line per violation: the rule, what it asks, and the
 * elements that break it. `where` names the screen and colour scheme in the failure.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Contrast is measured on the colours at rest, not half-way through a hover or colour-scheme transition.
  await expect.poll(() => page.evaluate('document.getAnimations().filter((a) => a instanceof CSSTransition && a.playState === "running").length')).toBe(0);
  // Evaluated through the DevTools protocol: a <script> tag would be refused by the app's CSP (script-src 'self').
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  // A string, not a function: the tests' tsconfig has no DOM types. resultTypes keeps the answer to violations.
  const violations = (await page.evaluate(`
    window.axe
      .run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      })))
  `)) as AxeViolation[];
  const described = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`).join('\n'),
  );
  // One string, so that a failure prints every violation in full rather than an abridged array.
  expect(described.join('\n'), `accessibility violations on ${where}`).toBe('');
}

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Fails when any two of the visible elements `locator` matches overlap by more than a pixel (cards that run into
 * each other, header labels that collide), when one of them has no area, or when fewer than `atLeast` (2) are
 * visible, so that the check cannot pass by finding nothing. The failure names each element by its testid, else
 * its first line of text.
 */
export async function expectNoOverlap(locator: Locator, what: string, options: { atLeast?: number } = {}): Promise<void> {
  const boxes: Box[] = [];
  for (const [index, element] of (await locator.all()).entries()) {
    if (!(await element.isVisible())) continue;
    const box = await element.boundingBox();
    const label = (await element.getAttribute('data-testid')) ?? ((await element.innerText()).trim().split('\n')[0] || `#${index}`);
    if (box) boxes.push({ name: `${label} (${index})`, ...box });
  }
  expect(boxes.length, `${what}: visible elements`).toBeGreaterThanOrEqual(options.atLeast ?? 2);
  const empty = boxes.filter((b) => b.width < 1 || b.height < 1).map((b) => b.name);
  expect(empty, `${what} with no area`).toEqual([]);
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const down = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (across > 1 && down > 1) overlaps.push(`${a.name} and ${b.name} overlap by ${across.toFixed(0)}×${down.toFixed(0)} px`);
    }
  }
  expect(overlaps, `${what} overlapping`).toEqual([]);
}
