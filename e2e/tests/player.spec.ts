import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshot, expectFitsPhone } from '../support/screens';
import { signUp } from '../support/teacher';

/** Gives some answer to the item on screen, whatever its type. */
async function answerShown(page: Page): Promise<void> {
  const item = page.locator('q-item-input').first();
  if (await item.locator('input[type=radio]').count()) {
    await item.locator('input[type=radio]').first().check();
  } else if (await item.locator('input[type=checkbox]').count()) {
    await item.locator('input[type=checkbox]').first().check();
  } else if (await item.locator('select').count()) {
    for (const select of await item.locator('select').all())
      await select.selectOption({ index: 1 });
  } else if (await item.locator('.order').count()) {
    await item.locator('.order button:not([disabled])').first().click();
  } else {
    await item.locator('input[type=text], textarea').first().fill('ЖИ');
  }
}

test('a quiz autosaves, survives a reload and a dropped connection, and shows its result', async ({
  page,
  context,
}) => {
  await signUp(page, 'Ерлан Жұмабаев');
  await page.goto('/courses/ai-in-teachers-work');
  await page.getByRole('button', { name: 'Курсқа жазылу' }).click();
  await page.getByRole('link', { name: 'Тапсыру' }).first().click();
  await expect(page.getByText('1-сұрақ, барлығы 6')).toBeVisible();
  const state = page.getByTestId('save-state');
  await expect(state).toHaveText('Барлық жауап сақталды');
  await expect(page.getByRole('timer')).toContainText('Қалған уақыт: 1');

  await answerShown(page);
  await expect(state).toHaveText('Барлық жауап сақталды');
  await expect(page.getByText('Жауап берілді: 1 / 6')).toBeVisible();
  await screenshot(page, 'player-kk');
  await expectFitsPhone(page, 'player-kk');
  await expectAccessible(page);

  // A reload resumes the same attempt with the answer the server holds.
  await page.reload();
  await expect(page.getByText('Жауап берілді: 1 / 6')).toBeVisible();

  // The connection drops: the answer is kept on the device and sent when it returns.
  await page.getByRole('button', { name: '2-сұрақ' }).click();
  await expect(page.getByText('2-сұрақ, барлығы 6')).toBeVisible();
  await context.setOffline(true);
  await answerShown(page);
  await expect(state).toContainText('Желі жоқ');
  await context.setOffline(false);
  await expect(state).toHaveText('Барлық жауап сақталды', { timeout: 15_000 });
  await expect(page.getByText('Жауап берілді: 2 / 6')).toBeVisible();

  for (let n = 3; n <= 6; n++) {
    await page.getByRole('button', { name: `${n}-сұрақ` }).click();
    await expect(page.getByText(`${n}-сұрақ, барлығы 6`)).toBeVisible();
    await answerShown(page);
  }
  await expect(state).toHaveText('Барлық жауап сақталды');
  await page.getByRole('button', { name: 'Тестті аяқтау' }).click();
  await expect(page.getByRole('alert')).toHaveText('Тестті аяқтап, жауаптарды жібересіз бе?');
  await page.getByRole('button', { name: 'Иә, аяқтау' }).click();
  await expect(page.locator('.result h1')).toHaveText(
    /Құттықтаймыз, тесттен өттіңіз!|Тесттен өте алмадыңыз/,
  );
  await expect(page.locator('.result .score')).toContainText('Нәтиже:');
  await expect(page.locator('.review li')).toHaveCount(6);
  await expect(page.locator('.review .feedback').first()).toBeVisible();
  await screenshot(page, 'player-result-kk');
  await expectFitsPhone(page, 'player-result-kk');
});
