import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, expectFitsPhone } from '../support/screens';
import { signUp } from '../support/teacher';

test('a teacher enrols in the Acquire MOOC, reads lessons in order and sees her progress', async ({
  page,
}) => {
  await signUp(page, 'Айжан Серікбаева');
  await page.getByRole('link', { name: 'Педагог жұмысындағы жасанды интеллект' }).click();
  await expect(page).toHaveURL(/\/courses\/ai-in-teachers-work$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Педагог жұмысындағы жасанды интеллект',
  );
  await expect(page.locator('.modules > li')).toHaveCount(6);
  await screenshot(page, 'course-kk');
  await expectFitsPhone(page, 'course-kk');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Курсқа жазылу' }).click();
  await expect(page.locator('.enrol .status')).toHaveText('Сіз осы курсты оқып жатырсыз.');
  await page.getByRole('link', { name: 'Оқуды жалғастыру' }).click();

  // The first lesson: server-rendered Markdown in Kazakh, with its sources.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Генеративті модель деген не және ол не істей алмайды',
  );
  await expect(page.locator('article .body h2').first()).toBeVisible();
  await expect(page.locator('.sources li')).not.toHaveCount(0);
  await screenshot(page, 'lesson-kk');
  await expectFitsPhone(page, 'lesson-kk');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Оқыдым деп белгілеу' }).click();
  await expect(page.locator('.actions .tick')).toContainText('Оқылды');

  await page.getByRole('link', { name: /Келесі сабақ/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Тілдік модель қалай үйренеді және жауап береді',
  );
  await page.getByRole('button', { name: 'Оқыдым деп белгілеу' }).click();
  await expect(page.locator('.actions .tick')).toBeVisible();
  await page.getByRole('link', { name: /Алдыңғы сабақ/ }).click();
  await expect(page.locator('.actions .tick')).toBeVisible();

  // Two of 24 lessons: her learning page and the course say so, and "continue" goes to the third.
  await page.getByRole('link', { name: 'Менің оқуым' }).click();
  await expect(page.locator('[data-slug="ai-in-teachers-work"] progress')).toHaveAttribute(
    'value',
    /^[1-9]/,
  );
  await screenshot(page, 'learning-kk');
  await expectFitsPhone(page, 'learning-kk');
  await page.getByRole('link', { name: 'Педагог жұмысындағы жасанды интеллект' }).click();
  await expect(page.locator('.lessons li.done')).toHaveCount(2);
  await page.getByRole('link', { name: 'Оқуды жалғастыру' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Модельдің шектеулері: шешімді мұғалім қабылдайды',
  );
});

test('a cohort course with no cohort taking applications says so instead of offering a button', async ({
  page,
}) => {
  await signUp(page, 'Мадина Оспанова');
  // The end-to-end journey opens a cohort of the primary course; this one has none.
  await page.goto('/courses/deepen-blended-small-schools');
  await expect(page.locator('.enrol')).toContainText('Қазір өтінім қабылдайтын топ жоқ');
  await expect(page.locator('.enrol button')).toHaveCount(0);
});
