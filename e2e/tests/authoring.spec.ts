import { expect, test } from '@playwright/test';
import { adminPage, openSection } from '../support/admin';
import { expectAccessible, screenshot, expectFitsPhone } from '../support/screens';

const TITLE = 'E2E: ЖИ көмегімен сабақ жоспарлау';

test('authoring: a course is written in the editor, survives a reload, is returned with a comment, approved, published and listed in the catalogue', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const slug = `e2e-authoring-${Date.now()}`;

  // Author A starts a Kazakh-only course from the course list.
  const author = await adminPage(browser);
  await openSection(author, 'Курстар (редактор)');
  await author.locator('input[name=slug]').fill(slug);
  await author.locator('input[name=languages][value=ru]').uncheck();
  await author.locator('input[name=title-kk]').fill(TITLE);
  await author.getByRole('button', { name: 'Курс құру' }).click();
  await expect(author).toHaveURL(new RegExp(`/staff/authoring/${slug}$`));
  await expect(author.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(author.getByTestId('save-state')).toHaveText('Барлық өзгеріс сақталды');

  // A second module, which comes with its first lesson, opened for editing.
  await author.locator('button[name=add-module]').click();
  const module = author.locator('[data-module=module-2]');
  await module.locator('input[name=module-title]').fill('Сабақ жоспары');
  const lesson = author.locator('[data-lesson=lesson-2]');
  await lesson.locator('input[name=lesson-title]').fill('Жоспарды ЖИ-мен құру');
  await lesson
    .locator('textarea[name=body]')
    .fill('# Жоспар құрылымы\n\nМақсат, кезеңдер, **бағалау**.');
  // The server renders the Markdown as teachers will see it.
  await expect(lesson.locator('.preview h2')).toHaveText('Жоспар құрылымы');
  await expect(lesson.locator('.preview strong')).toHaveText('бағалау');
  await expect(author.getByTestId('save-state')).toHaveText('Сақталмаған өзгерістер бар');

  // Tagged with a UNESCO block, found by searching the frameworks.
  await lesson.locator('.picker summary').click();
  await lesson.locator('input[name=competency-search]').fill('unesco-cft:4.1');
  await lesson.locator('input[data-code="unesco-cft:4.1"]').check();
  await expect(lesson.locator('.chips [data-code="unesco-cft:4.1"]')).toBeVisible();

  await author.locator('button[name=save]').click();
  await expect(author.getByTestId('save-state')).toHaveText('Барлық өзгеріс сақталды');
  await screenshot(author, 'authoring-editor-kk');
  await expectFitsPhone(author, 'authoring-editor-kk');
  await expectAccessible(author);

  // A reload keeps the saved work.
  await author.reload();
  await expect(author.locator('[data-module]')).toHaveCount(2);
  await expect(module.locator('input[name=module-title]')).toHaveValue('Сабақ жоспары');
  await expect(lesson.locator('.chips [data-code="unesco-cft:4.1"]')).toBeAttached();
  await lesson.locator(':scope > details > summary').click();
  await expect(lesson.locator('textarea[name=body]')).toHaveValue(
    '# Жоспар құрылымы\n\nМақсат, кезеңдер, **бағалау**.',
  );
  await author.getByRole('button', { name: 'Сараптауға жіберу' }).click();
  await expect(author.locator('.status')).toHaveText('Сараптамада');
  await expect(author.locator('button[name=save]')).toHaveCount(0);

  // Reviewer B reads it in the queue, lesson rendered, and returns it with a comment.
  const reviewer = await adminPage(browser);
  await openSection(reviewer, 'Сараптама кезегі');
  await reviewer.locator(`tr[data-slug="${slug}"]`).getByRole('button').click();
  const review = reviewer.locator(`section.review[data-slug="${slug}"]`);
  await expect(review.getByRole('heading', { level: 2 })).toHaveText(TITLE);
  await review.locator('[data-lesson=lesson-2] summary').click();
  await expect(review.locator('[data-lesson=lesson-2] .q-lesson-body h2')).toHaveText(
    'Жоспар құрылымы',
  );
  await screenshot(reviewer, 'authoring-review-kk');
  await expectFitsPhone(reviewer, 'authoring-review-kk');
  await expectAccessible(reviewer);
  // A return needs a comment.
  await reviewer.getByRole('button', { name: 'Түзетуге қайтару' }).click();
  await expect(review.locator('.decide [role=alert]')).toContainText('не түзету керегін жазыңыз');
  await reviewer
    .locator('textarea[name=review-comment]')
    .fill('Сабаққа дереккөз қосыңыз: ЮНЕСКО құжатына сілтеме.');
  await reviewer.getByRole('button', { name: 'Түзетуге қайтару' }).click();
  await expect(reviewer.getByRole('status')).toHaveText(
    'Жоба пікіріңізбен бірге авторға қайтарылды.',
  );
  await expect(reviewer.locator(`tr[data-slug="${slug}"]`)).toHaveCount(0);

  // A sees the comment, adds the source and submits again (the change is saved first).
  await author.reload();
  await expect(author.locator('.returned')).toContainText(
    'Сабаққа дереккөз қосыңыз: ЮНЕСКО құжатына сілтеме.',
  );
  await expect(author.locator('.status')).toHaveText('Түзетуге қайтарылды');
  await lesson.locator(':scope > details > summary').click();
  await lesson.getByRole('button', { name: 'Дереккөз қосу' }).click();
  await lesson
    .locator('input[name=source-title]')
    .fill('UNESCO (2024). AI competency framework for teachers.');
  await lesson.locator('input[name=source-url]').fill('https://doi.org/10.54675/ZJTE2084');
  await author.getByRole('button', { name: 'Сараптауға жіберу' }).click();
  await expect(author.locator('.status')).toHaveText('Сараптамада');

  // B approves and publishes.
  await reviewer.reload();
  await reviewer.locator(`tr[data-slug="${slug}"]`).getByRole('button').click();
  await review.locator('[data-lesson=lesson-2] summary').click();
  await expect(review.locator('[data-lesson=lesson-2]')).toContainText('UNESCO (2024)');
  await reviewer.getByRole('button', { name: 'Мақұлдау' }).click();
  await expect(reviewer.getByRole('status')).toHaveText(
    'Жоба мақұлданды. Енді оны жариялауға болады.',
  );
  await reviewer.getByRole('button', { name: 'Жариялау', exact: true }).click();
  await expect(reviewer.getByRole('status')).toHaveText('Курс жарияланды.');
  await expect(reviewer.locator(`tr[data-slug="${slug}"]`)).toHaveCount(0);

  // The version history shows it, and the course is in the public catalogue.
  await author.reload();
  await expect(author.locator('[data-version="1"]')).toContainText('Жарияланды');
  await reviewer.goto('/courses');
  await expect(reviewer.locator(`[data-slug="${slug}"] h2`)).toHaveText(TITLE);
});
