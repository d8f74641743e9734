import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, expectFitsPhone } from '../support/screens';

test('a teacher signs up in Kazakh, stays signed in after a reload, signs out and back in', async ({
  page,
}) => {
  const email = `e2e-${Date.now()}@mektep.kz`;
  const password = 'Qadam-e2e-2026!';
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Тіркелу');
  await expectAccessible(page);

  // The form says what to fix, in Kazakh, before anything is sent.
  await page.getByRole('button', { name: 'Тіркелгі жасау' }).click();
  await expect(page.getByRole('alert')).toHaveText('Белгіленген өрістерді түзетіңіз.');

  await page.locator('input[name=fullName]').fill('Гүлназ Әбдірахманова');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  // An IIN with a wrong check digit: the API's own message, in Kazakh, at the field.
  await page.locator('input[name=iin]').fill('123456789012');
  await page.locator('select[name=region]').selectOption({ index: 1 });
  await page.locator('input[name=school]').fill('№ 12 мектеп-гимназия');
  await page.locator('select[name=subject]').selectOption({ index: 1 });
  await screenshot(page, 'sign-up-kk');
  await expectFitsPhone(page, 'sign-up-kk');
  await page.getByRole('button', { name: 'Тіркелгі жасау' }).click();
  await expect(page.locator('#iin-error')).not.toBeEmpty();
  await page.locator('input[name=iin]').fill('');
  await page.getByRole('button', { name: 'Тіркелгі жасау' }).click();

  await expect(page).toHaveURL(/\/courses$/);
  await expect(page.locator('.q-user')).toHaveText('Гүлназ Әбдірахманова');
  await page.reload();
  await expect(page.locator('.q-user')).toHaveText('Гүлназ Әбдірахманова');

  await page.getByRole('button', { name: 'Шығу' }).click();
  await page.getByRole('link', { name: 'Кіру' }).click();
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill('wrong-password-1');
  await page.getByRole('button', { name: 'Кіру' }).click();
  await expect(page.getByRole('alert')).toHaveText('Электрондық пошта немесе құпиясөз қате.');
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: 'Кіру' }).click();
  await expect(page.locator('.q-user')).toHaveText('Гүлназ Әбдірахманова');

  // Her ladder: Acquire open with a way in, Deepen and Create closed, saying why.
  await page.getByRole('link', { name: 'Менің сатым' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Құзыреттілік сатысы');
  await expect(page.locator('[data-level=acquire] .status')).toHaveText('Ашық');
  await expect(page.locator('[data-level=deepen] .missing li')).toHaveText([
    '«Игеру» деңгейінің жарамды куәлігі',
  ]);
  await expect(page.locator('[data-level=create] .missing li')).toHaveCount(2);
  await screenshot(page, 'ladder-kk');
  await expectFitsPhone(page, 'ladder-kk');
  await expectAccessible(page);
  await page.locator('[data-level=acquire] a').click();
  await expect(page).toHaveURL(/\/courses\?level=acquire$/);
  await expect(page.locator('li.q-card')).toHaveCount(2);
});

test('the ladder asks a visitor to sign in first, then comes back', async ({ page }) => {
  await page.goto('/ladder');
  await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fladder$/);
});
