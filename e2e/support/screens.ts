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
