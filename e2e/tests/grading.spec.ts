import { expect, test } from '@playwright/test';
import type { AttemptStarted } from '@qadam/contracts';
import { adminPage, openCohort, openSection } from '../support/admin';
import { answerRightly, definitions } from '../support/answers';
import { expectAccessible, screenshot, expectFitsPhone } from '../support/screens';
import { signUp } from '../support/teacher';

const COURSE = 'neural-networks-in-the-classroom';

test("an elective's final with two practical tasks: the teacher hands them in, an admin grades them by their rubrics, and the course page shows the final passed", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const admin = await adminPage(browser);
  const code = await openCohort(admin, COURSE, 'Павлодар облысы, 3-топ');

  // She applies to the cohort and the administrator takes her in.
  await signUp(page, 'Мадина Жұмабекова');
  await page.goto(`/courses/${COURSE}`);
  await page.getByRole('radio', { name: /Павлодар облысы, 3-топ/ }).check();
  await page.getByRole('button', { name: 'Өтінім беру' }).click();
  await expect(page.locator('.enrol .status')).toHaveText('Өтініміңіз қаралуда.');
  await admin.reload();
  await admin.getByRole('button', { name: code }).click();
  const application = admin.locator('.applications li', { hasText: 'Мадина Жұмабекова' });
  await application.getByRole('button', { name: 'Қабылдау' }).click();
  await expect(application.locator('.status')).toHaveText('Қабылданды');

  // The final: two practical tasks written in the player, and fifteen test items.
  await page.reload();
  const started = page.waitForResponse(
    (r) => r.url().includes('/attempts') && r.request().method() === 'POST',
  );
  await page.locator('.assessments li', { hasText: 'Қорытынды бағалау' }).getByRole('link').click();
  const attempt = (await (await started).json()) as AttemptStarted;
  expect(attempt.items.filter((i) => i.type === 'task')).toHaveLength(2);
  const defs = await definitions(attempt.items.map((i) => i.id));
  for (const [n, item] of attempt.items.entries()) {
    await page.getByRole('button', { name: `${n + 1}-сұрақ`, exact: true }).click();
    if (item.type === 'task') {
      await page
        .locator('q-item-input textarea')
        .fill(
          `Математика, 7-сынып. Чат-ассистент жасаған есептерді тексердім:\n1) шешімдерін қолмен шығардым;\n2) екі қатені түзеттім (${n + 1}).`,
        );
    } else {
      await answerRightly(page, item.id, defs.get(item.id)!);
    }
  }
  await expect(page.getByTestId('save-state')).toHaveText('Барлық жауап сақталды');
  await page.getByRole('button', { name: 'Тестті аяқтау' }).click();
  await page.getByRole('button', { name: 'Иә, аяқтау' }).click();
  await expect(page.locator('.result h1')).toHaveText('Жұмысыңыз тексеруге жіберілді');

  // The administrator grades both tasks by their rubrics, the best level of each criterion.
  await openSection(admin, 'Бағалау кезегі');
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Бағалау кезегі');
  const row = admin.locator(`tr[data-attempt="${attempt.id}"]`);
  await expect(row).toHaveCount(2);
  await row.first().getByRole('button').click();
  for (let graded = 0; graded < 2; graded++) {
    const task = admin.locator(`section.task[data-attempt="${attempt.id}"]`);
    await expect(task.getByTestId('response')).toContainText('Чат-ассистент жасаған есептерді');
    for (const criterion of await task.locator('fieldset.criterion').all())
      await criterion.locator('input[type=radio]').last().check();
    if (graded === 0) {
      await screenshot(admin, 'grading-kk');
      await expectFitsPhone(admin, 'grading-kk');
      await expectAccessible(admin);
    }
    await task.locator('textarea[name=comment]').fill('Тексеру журналы толық, жарайсыз.');
    await task.getByRole('button', { name: 'Бағаны сақтап, келесісіне өту' }).click();
    await expect(admin.locator('.notice')).toContainText('Баға сақталды.');
  }
  // Full marks on both tasks; the drawn test items decide the rest (above the pass mark of 70).
  await expect(admin.locator('.notice')).toContainText(
    /Талпыныстың қорытынды нәтижесі: (9\d|100)%\./,
  );
  await expect(admin.locator(`tr[data-attempt="${attempt.id}"]`)).toHaveCount(0);

  // Her course page now shows the final passed.
  await page.goto(`/courses/${COURSE}`);
  await expect(
    page.locator('.assessments li', { hasText: 'Қорытынды бағалау' }).locator('.tick'),
  ).toHaveText('✓ Өтті');
});
