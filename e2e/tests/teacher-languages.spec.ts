import { expect, test } from '@playwright/test';
import { adminPage, openCohort } from '../support/admin';
import { expectAccessible, screenshot, expectFitsPhone } from '../support/screens';
import { signUp } from '../support/teacher';

test('a teacher keeps her profile in Russian, reads her ladder and learning in English, and withdraws a cohort application', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await adminPage(browser);
  await openCohort(admin, 'neural-networks-in-the-classroom', 'Қарағанды, 2-топ');

  await signUp(page, 'Айжан Серікова');
  await page.getByLabel('Тіл', { exact: true }).selectOption('ru');
  await page.locator('.q-user').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мой профиль');
  await expect(page.locator('input[name=email]')).toHaveAttribute('readonly', '');
  await page.locator('input[name=fullName]').fill('Айжан Серікқызы');
  await page.locator('select[name=schoolKind]').selectOption('small_ungraded');
  await page.locator('input[name=subjects]').first().check();
  await expect(page.getByRole('status')).toHaveText('Есть несохранённые изменения.');
  await page.locator('input[name=iin]').fill('123');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('alert')).toHaveText('Исправьте отмеченные поля.');
  await page.locator('input[name=iin]').fill('');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status')).toHaveText('Профиль сохранён.');
  await expect(page.locator('.q-user')).toHaveText('Айжан Серікқызы');
  await screenshot(page, 'profile-ru');
  await expectFitsPhone(page, 'profile-ru');
  await expectAccessible(page);
  // Saved on the server, not only on this page.
  await page.reload();
  await expect(page.locator('select[name=schoolKind]')).toHaveValue('small_ungraded');
  await expect(page.locator('input[name=fullName]')).toHaveValue('Айжан Серікқызы');

  await page.getByLabel('Язык', { exact: true }).selectOption('en');
  await page.getByRole('link', { name: 'My ladder' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The competence ladder');
  await screenshot(page, 'ladder-en');
  await expectFitsPhone(page, 'ladder-en');
  await expectAccessible(page);

  // She applies to the elective's cohort in English, then gives her place up.
  // A full page load: the remembered language, shown as chosen in the menu too.
  await page.goto('/courses/neural-networks-in-the-classroom');
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');
  await page.getByRole('radio', { name: /Қарағанды, 2-топ/ }).check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.enrol .status')).toHaveText('Your application is being reviewed.');
  await page.getByRole('button', { name: 'Withdraw the application' }).click();
  await expect(page.getByText('your place in the queue goes to the next teacher')).toBeVisible();
  await screenshot(page, 'course-withdraw-en');
  await expectFitsPhone(page, 'course-withdraw-en');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Yes, withdraw' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Your application was withdrawn. You can apply again while applications are open.',
  );
  await expect(page.getByRole('button', { name: 'Apply' })).toBeVisible();

  await page.getByRole('link', { name: 'My learning' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My learning');
  await screenshot(page, 'learning-en');
  await expectFitsPhone(page, 'learning-en');
});
