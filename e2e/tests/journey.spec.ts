import { expect, test } from '@playwright/test';
import type { AttemptStarted } from '@qadam/contracts';
import { adminPage, openCohort, openSection } from '../support/admin';
import { answerRightly, definitions } from '../support/answers';
import { expectAccessible, screenshot, expectFitsPhone } from '../support/screens';
import { signUp } from '../support/teacher';

test('the ladder end to end: Deepen refuses her, she passes the Acquire final (a reload and an offline answer on the way), gets and verifies her certificate, Deepen takes her application and an admin approves it, an admin runs a batch and revokes it', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(240_000);
  // An administrator opens a Deepen cohort, through the staff console.
  const admin = await adminPage(browser);
  const code = await openCohort(admin, 'deepen-primary-personalised', 'Алматы облысы, 1-топ');
  await screenshot(admin, 'admin-cohorts-kk');
  await expectFitsPhone(admin, 'admin-cohorts-kk');
  await expectAccessible(admin);

  await signUp(page, 'Сәуле Нұрланқызы');
  // The Deepen cohort refuses her for now, saying which certificate she lacks.
  await page.goto('/courses/deepen-primary-personalised');
  await page.locator('.cohort input[type=radio]').first().check();
  await page.getByRole('button', { name: 'Өтінім беру' }).click();
  await expect(page.locator('.enrol [role=alert]')).toContainText(
    '«Игеру» деңгейінің жарамды куәлігі',
  );

  await page.goto('/courses/ai-in-teachers-work');
  await page.getByRole('button', { name: 'Курсқа жазылу' }).click();

  const started = page.waitForResponse(
    (r) => r.url().includes('/attempts') && r.request().method() === 'POST',
  );
  await page.locator('.assessments li', { hasText: 'Қорытынды тест' }).getByRole('link').click();
  const attempt = (await (await started).json()) as AttemptStarted;
  expect(attempt.items).toHaveLength(20);
  const defs = await definitions(attempt.items.map((i) => i.id));
  const state = page.getByTestId('save-state');

  const answer = async (n: number) => {
    await page.getByRole('button', { name: `${n}-сұрақ`, exact: true }).click();
    await expect(page.getByText(`${n}-сұрақ, барлығы 20`)).toBeVisible();
    const id = attempt.items[n - 1].id;
    await answerRightly(page, id, defs.get(id)!);
  };

  for (let n = 1; n <= 10; n++) await answer(n);
  await expect(state).toHaveText('Барлық жауап сақталды');
  // A reload in the middle: the same attempt, the ten answers still there.
  await page.reload();
  await expect(page.getByText('Жауап берілді: 10 / 20')).toBeVisible();
  // One answer while the connection is down: kept, then sent.
  await context.setOffline(true);
  await answer(11);
  await expect(state).toContainText('Желі жоқ');
  await context.setOffline(false);
  await expect(state).toHaveText('Барлық жауап сақталды', { timeout: 15_000 });
  for (let n = 12; n <= 20; n++) await answer(n);
  await expect(page.getByText('Жауап берілді: 20 / 20')).toBeVisible();
  await expect(state).toHaveText('Барлық жауап сақталды');
  await page.getByRole('button', { name: 'Тестті аяқтау' }).click();
  await page.getByRole('button', { name: 'Иә, аяқтау' }).click();
  await expect(page.locator('.result h1')).toHaveText('Құттықтаймыз, тесттен өттіңіз!');
  await expect(page.locator('.result .score')).toContainText('100');

  // The certificate worker started by npm start issues it; the page shows it without a reload.
  await page.getByRole('link', { name: 'Сертификаттарым' }).click();
  const card = page.locator('[data-course="ai-in-teachers-work"]');
  await expect(card).toHaveAttribute('data-status', 'issued', { timeout: 60_000 });
  await card.getByRole('button', { name: 'QR кодын көрсету' }).click();
  await expect(card.locator('img.qr')).toBeVisible();
  await screenshot(page, 'certificates-kk');
  await expectFitsPhone(page, 'certificates-kk');
  await expectAccessible(page);

  const verifyUrl = await card
    .getByRole('link', { name: 'Тексеру бетін ашу' })
    .getAttribute('href');
  expect(verifyUrl).toMatch(/\/verify\/[0-9a-f-]{36}$/);
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'PDF жүктеп алу' }).click();
  expect((await download).suggestedFilename()).toMatch(/^qadam-.+\.pdf$/);

  // Her ladder now holds Acquire and opens Deepen.
  await page.getByRole('link', { name: 'Менің сатым' }).click();
  await expect(page.locator('[data-level=acquire] .status')).toHaveText('Алынды');
  await expect(page.locator('[data-level=deepen] .status')).toHaveText('Ашық');

  // Her competencies: the five Acquire blocks demonstrated, each opening its evidence.
  await page.getByRole('link', { name: 'Құзыреттіліктерім' }).click();
  for (const b of ['1.1', '2.1', '3.1', '4.1', '5.1'])
    await expect(page.locator(`[data-code="unesco-cft:${b}"]`)).toHaveClass(/demonstrated/);
  await page.locator('[data-code="unesco-cft:3.1"]').click();
  await expect(page.locator('.evidence')).toContainText('Сертификат');
  await screenshot(page, 'competencies-kk');
  await expectFitsPhone(page, 'competencies-kk');
  await expectAccessible(page);

  // The verification page, from the certificate's own link.
  // Now the Deepen cohort takes her application.
  await page.goto('/courses/deepen-primary-personalised');
  await page.locator('.cohort input[type=radio]').first().check();
  await page.getByRole('button', { name: 'Өтінім беру' }).click();
  await expect(page.locator('.enrol .status')).toHaveText('Өтініміңіз қаралуда.');
  // The administrator approves the application; the course is hers.
  await admin.reload();
  await admin.getByRole('button', { name: code }).click();
  const application = admin.locator('.applications li', { hasText: 'Сәуле Нұрланқызы' });
  await application.getByRole('button', { name: 'Қабылдау' }).click();
  await expect(application.locator('.status')).toHaveText('Қабылданды');
  await page.reload();
  await expect(page.locator('.enrol .status')).toHaveText('Сіз осы курсты оқып жатырсыз.');

  await page.goto(`${verifyUrl}?lang=kk`);
  await expect(page.locator('body')).toContainText('Сертификат жарамды');
  await expect(page.locator('body')).toContainText('Сәуле Нұрланқызы');
  await screenshot(page, 'verify-kk');
  await expectFitsPhone(page, 'verify-kk');
  await expectAccessible(page);

  // The administrator runs a batch for the course (she is already certified: skipped), then
  // revokes her certificate; the verification page says so at once.
  await openSection(admin, 'Сертификаттар');
  await admin.locator('select[name=course]').selectOption('ai-in-teachers-work');
  await admin.getByRole('button', { name: 'Курс бойынша сертификаттар беру' }).click();
  await expect(admin.getByTestId('batch-progress')).toContainText('аяқталды', { timeout: 30_000 });
  const row = admin.locator('tr', { hasText: 'Сәуле Нұрланқызы' });
  await row.getByRole('button', { name: 'Кері қайтару' }).click();
  await row.locator('input[name=reason]').fill('Қате берілген: тексеру үшін');
  await row.getByRole('button', { name: 'Кері қайтаруды растау' }).click();
  await expect(row.locator('.status')).toHaveText('Кері қайтарылды');
  await screenshot(admin, 'admin-certificates-kk');
  await expectFitsPhone(admin, 'admin-certificates-kk');
  await expectAccessible(admin);
  await page.goto(`${verifyUrl}?lang=kk`);
  await expect(page.locator('body')).toContainText('Сертификат кері қайтарылды');
});
