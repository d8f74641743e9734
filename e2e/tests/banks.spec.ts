import { expect, test, type Page } from '@playwright/test';
import { adminPage, openSection } from '../support/admin';
import { expectAccessible, screenshot, expectFitsPhone } from '../support/screens';

/** Tags the item (or a rubric criterion) with a competency found through the picker's search. */
async function tag(page: Page, picker: string, code: string): Promise<void> {
  await page.locator(`input[name="${picker}.search"]`).fill(code.split(':')[1]);
  await page.locator(`[data-picker="${picker}"] button[data-code="${code}"]`).click();
}

test('an author keeps a bank: creates it, writes a single-choice and a matching item, versions one, imports a GIFT file and reads its per-question report', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await adminPage(browser);
  const stamp = Date.now().toString(36);
  const bankKey = `e2e-bank-${stamp}`;

  // A new bank, from the list of banks.
  await openSection(page, 'Тапсырмалар банкі');
  await page.locator('input[name=bankKey]').fill(bankKey);
  await page.locator('input[name="bankTitle.kk"]').fill('Сынақ банкі');
  await page.locator('input[name="bankTitle.ru"]').fill('Тестовый банк');
  await page.getByRole('button', { name: 'Құру', exact: true }).click();
  await expect(page.locator('.new-bank [role=status]')).toContainText(bankKey);
  await page.locator(`tr[data-key="${bankKey}"] a`).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Сынақ банкі');

  // A single-choice item.
  await page.getByRole('link', { name: 'Тапсырма қосу' }).click();
  await page.locator('input[name=key]').fill('e2e-single');
  await page
    .locator('textarea[name="prompt.kk"]')
    .fill('Тілдік модель мәтінді қандай бөліктерге бөледі?');
  await page
    .locator('textarea[name="prompt.ru"]')
    .fill('На какие части языковая модель делит текст?');
  await tag(page, 'competencies', 'unesco-cft:3.1');
  await page.locator('input[name="options[0].text.kk"]').fill('Токендерге');
  await page.locator('input[name="options[1].text.kk"]').fill('Беттерге');
  await page.locator('input[name=correct][value="0"]').check();
  await page.locator('button[name=save]').click();
  await expect(page.locator('form [role=status]')).toHaveText('Сақталды: 1-нұсқа.');
  await expect(page).toHaveURL(/\/staff\/banks\/[^/]+\/items\/[0-9a-f-]{36}$/);
  await screenshot(page, 'bank-item-editor-kk');
  await expectFitsPhone(page, 'bank-item-editor-kk');
  await expectAccessible(page);

  // A new version of it: the second option's text changes.
  await page.locator('input[name="options[1].text.kk"]').fill('Энциклопедия беттеріне');
  await page.locator('button[name=save]').click();
  await expect(page.locator('form [role=status]')).toHaveText('Сақталды: 2-нұсқа.');
  await expect(page.locator('.versions li')).toHaveCount(2);

  // A matching item, with a distractor.
  await page.getByRole('link', { name: /Банкке оралу/ }).click();
  await page.getByRole('link', { name: 'Тапсырма қосу' }).click();
  await page.locator('select[name=type]').selectOption('matching');
  await page.locator('input[name=key]').fill('e2e-matching');
  await page.locator('textarea[name="prompt.kk"]').fill('Ұғымды анықтамасымен сәйкестендіріңіз');
  await tag(page, 'competencies', 'unesco-cft:3.1');
  await page.locator('select[name=structureScoring]').selectOption('partial');
  await page.locator('input[name="pairs[0].left.text.kk"]').fill('Токен');
  await page.locator('input[name="pairs[0].right.text.kk"]').fill('Мәтіннің шағын бөлігі');
  await page.locator('input[name="pairs[1].left.text.kk"]').fill('Промпт');
  await page.locator('input[name="pairs[1].right.text.kk"]').fill('Модельге берілген нұсқау');
  await page.locator('button[name=addDistractor]').click();
  await page.locator('input[name="distractors[0].text.kk"]').fill('Суреттің пикселі');
  await page.locator('button[name=save]').click();
  await expect(page.locator('form [role=status]')).toHaveText('Сақталды: 1-нұсқа.');
  await screenshot(page, 'bank-item-editor-matching-kk');
  await expectFitsPhone(page, 'bank-item-editor-matching-kk');
  await expectAccessible(page);

  // The bank lists both, with the first at version 2.
  await page.getByRole('link', { name: /Банкке оралу/ }).click();
  await expect(page.locator('tr[data-key="e2e-single"] td').nth(5)).toHaveText('2');
  await expect(page.locator('tr[data-key="e2e-matching"]')).toContainText('Сәйкестендіру');

  // A GIFT file with one broken question: the report names it, the others come in.
  await openSection(page, 'Импорт');
  const gift = [
    '::Екі қосу екі:: 2 + 2 = ? {=4 ~5 ~22}',
    '',
    '::Жақшасы жабылмаған:: Бұл сұрақтың жауаптары жабылмаған {',
    '  =a',
    '  ~b',
    '',
    '::ЖИ қателеседі:: Генеративті модель қате жауап бере алады. {T}',
  ].join('\n');
  await page.locator('input[type=file]').setInputFiles({
    name: `${bankKey}-gift.gift`,
    mimeType: 'text/plain',
    buffer: Buffer.from(gift, 'utf8'),
  });
  await page.locator('input[name=bank]').fill(`${bankKey}-gift`);
  await tag(page, 'competencies', 'unesco-cft:3.1');
  await page.locator('button[name=upload]').click();
  const report = page.locator('.report');
  await expect(report.locator('[data-count=imported]')).toHaveText('Импортталды: 2');
  await expect(report.locator('[data-count=skipped]')).toContainText('1');
  await expect(report.locator('[data-list=problems] tbody tr')).toHaveCount(1);
  await expect(report.locator('[data-list=problems] tbody tr')).toContainText('Жақшасы жабылмаған');
  await expect(report.locator(`li[data-key="${bankKey}-gift"] a`)).toBeVisible();
  await screenshot(page, 'bank-import-report-kk');
  await expectFitsPhone(page, 'bank-import-report-kk');
  await expectAccessible(page);
});
