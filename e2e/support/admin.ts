import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { E2E_DB } = require('./stack-env');

const ROOT = path.resolve(__dirname, '../..');
const PASSWORD = 'Qadam-admin-e2e-2026';

/**
 * An administrator made the way an installation makes one (the CLI), signed in through the form
 * in a browser context of her own.
 */
export async function adminPage(browser: Browser): Promise<Page> {
  const email = `admin-${Date.now()}@orleu.kz`;
  execFileSync(
    process.execPath,
    ['dist/backend/src/cli/admin-create.js', '--email', email, '--name', 'Орлеу әкімшісі'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${E2E_DB}`,
        QADAM_ADMIN_PASSWORD: PASSWORD,
      },
    },
  );
  const page = await (await browser.newContext({ locale: 'kk-KZ' })).newPage();
  await page.goto('/sign-in');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Кіру' }).click();
  await expect(page.locator('.q-user')).toHaveText('Орлеу әкімшісі');
  return page;
}

/** Opens a section of the staff console by its Kazakh name, through the menus a user clicks. */
export async function openSection(page: Page, name: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/staff')) {
    await page.getByRole('link', { name: 'Қызметкер кабинеті' }).click();
  }
  await page
    .getByRole('navigation', { name: 'Кабинет бөлімдері' })
    .getByRole('link', { name, exact: true })
    .click();
}
