import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const ARTIFACTS = path.join(__dirname, '../artifacts');

/** A full-page screenshot of a main screen, kept as a CI artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(path.join(ARTIFACTS, 'screens'), { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'screens', `${name}.png`), fullPage: true });
}

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

/** Adds figures to artifacts/performance.json (read into docs/PERFORMANCE.md). */
export function recordFigures(figures: Record<string, unknown>): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, 'performance.json');
  const old = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, JSON.stringify({ ...old, ...figures }, null, 2) + '\n');
}

/** The page as it is now fits a 360 px phone: nothing makes the whole page scroll sideways. */
export async function expectFitsPhone(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  try {
    const { width, culprits } = await page.evaluate(() => {
      // The innermost elements that reach past the screen's edge: what to fix.
      const wide = Array.from(document.querySelectorAll('body *')).filter(
        (el) => el.getBoundingClientRect().right > 361 && getComputedStyle(el).position !== 'fixed',
      );
      const innermost = wide.filter((el) => !wide.some((o) => o !== el && el.contains(o)));
      return {
        width: document.documentElement.scrollWidth,
        culprits: innermost
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`),
      };
    });
    await screenshot(page, `${name}-phone`);
    expect(
      width,
      `${name} is ${width} px wide on a 360 px phone: ${culprits.join(', ')}`,
    ).toBeLessThanOrEqual(360);
  } finally {
    if (size) await page.setViewportSize(size);
  }
}
