import { expect, type Page } from '@playwright/test';

/** A new teacher signed up through the form (Kazakh interface); returns her e-mail. */
export async function signUp(page: Page, fullName: string): Promise<string> {
  const email = `e2e-${Date.now()}-${Math.round(Math.random() * 1e6)}@mektep.kz`;
  await page.goto('/sign-up');
  await page.locator('input[name=fullName]').fill(fullName);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill('Qadam-e2e-2026!');
  await page.getByRole('button', { name: 'Тіркелгі жасау' }).click();
  await expect(page.locator('.q-user')).toHaveText(fullName);
  return email;
}
