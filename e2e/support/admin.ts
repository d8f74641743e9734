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

/** Opens a cohort through the console's form, taking applications from yesterday for 20 days. */
export async function openCohort(admin: Page, courseSlug: string, title: string): Promise<string> {
  await openSection(admin, 'Топтар');
  await admin.locator('select[name=courseSlug]').selectOption(courseSlug);
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const code = `E2E-${Date.now()}`;
  await admin.locator('input[name=code]').fill(code);
  await admin.locator('input[name=title]').fill(title);
  await admin.locator('input[name=startsOn]').fill(day(30));
  await admin.locator('input[name=endsOn]').fill(day(60));
  await admin.locator('input[name=opensAt]').fill(day(-1));
  await admin.locator('input[name=closesAt]').fill(day(20));
  await admin.getByRole('button', { name: 'Ашу' }).click();
  await expect(admin.getByRole('status')).toHaveText(`${code} тобы ашылды.`);
  await expect(admin.locator(`tr[data-code="${code}"]`)).toBeVisible();
  return code;
}
