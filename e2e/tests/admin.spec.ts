import { expect, test } from '@playwright/test';
import { adminPage, openCohort, openSection } from '../support/admin';
import { expectAccessible, screenshot, expectFitsPhone } from '../support/screens';
import { signUp } from '../support/teacher';

test('an administrator bulk-enrols from CSV with a per-row report, makes a teacher an author, and finds the change in the audit log', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // A teacher who will be on the list, signed up in her own browser.
  const email = await signUp(page, 'Айгүл Сәрсенова');

  // An administrator opens an Acquire cohort (Acquire needs no earlier certificate).
  const admin = await adminPage(browser);
  const code = await openCohort(
    admin,
    'neural-networks-in-the-classroom',
    'Қарағанды облысы, 2-топ',
  );

  // Bulk enrolment, partial: the known teacher is enrolled, the unknown e-mail is reported.
  await openSection(admin, 'Жаппай тіркеу');
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Жаппай тіркеу');
  const unknown = `nobody-${Date.now()}@mektep.kz`;
  await admin
    .locator('textarea[name=csv]')
    .fill(`teacher,cohort\n${email},${code}\n${unknown},${code}\n`);
  await admin.locator('input[name=mode][value=partial]').check();
  await admin.locator('form.upload').getByRole('button', { name: 'Тіркеу', exact: true }).click();
  const report = admin.getByTestId('bulk-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report.locator('.applied')).toHaveText('Тіркелді: 1 / 2 жол.');
  const problem = report.locator('tr[data-line="3"]');
  await expect(problem).toContainText(unknown);
  await expect(problem).toContainText('Мұндай e-mail немесе ЖСН бар тіркелгі табылмады.');
  await expect(report.locator('tbody tr')).toHaveCount(1);
  await screenshot(admin, 'admin-enrolments-kk');
  await expectFitsPhone(admin, 'admin-enrolments-kk');
  await expectAccessible(admin);

  // The teacher finds herself enrolled.
  await page.goto('/courses/neural-networks-in-the-classroom');
  await expect(page.locator('.enrol .status')).toHaveText('Сіз осы курсты оқып жатырсыз.');

  // Users and roles: she becomes an author as well.
  await openSection(admin, 'Пайдаланушылар мен рөлдер');
  await admin.locator('input[name=q]').fill(email);
  await admin.locator('form[role=search]').getByRole('button', { name: 'Іздеу' }).click();
  const row = admin.locator(`tr[data-email="${email}"]`);
  await expect(row.locator('.roles')).toHaveText('Педагог');
  await row.getByRole('button').click();
  const editor = admin.locator(`form.editor[data-email="${email}"]`);
  await expect(editor).toContainText('жүйеден шығарылады');
  await editor.locator('input[name=roles][value=author]').check();
  await screenshot(admin, 'admin-users-kk');
  await expectFitsPhone(admin, 'admin-users-kk');
  await expectAccessible(admin);
  await editor.getByRole('button', { name: 'Рөлдерді сақтау' }).click();
  await expect(row.locator('.roles')).toHaveText('Педагог, Автор');

  // The audit log, filtered by action: the change, who made it, before and after.
  await openSection(admin, 'Аудит журналы');
  await admin.locator('input[name=action]').fill('user.roles.update');
  await admin.locator('form[role=search]').getByRole('button', { name: 'Көрсету' }).click();
  await expect(admin).toHaveURL(/[?&]action=user\.roles\.update/);
  const entry = admin.locator('tr[data-action="user.roles.update"]').first();
  await expect(entry).toContainText('Орлеу әкімшісі');
  await entry.getByRole('button').click();
  const details = admin.locator('tr.details').first();
  await expect(details.locator('pre.before')).toContainText('"teacher"');
  await expect(details.locator('pre.before')).not.toContainText('"author"');
  await expect(details.locator('pre.after')).toContainText('"author"');
  await screenshot(admin, 'admin-audit-kk');
  await expectFitsPhone(admin, 'admin-audit-kk');
  await expectAccessible(admin);
  // The filtered view is a link: a reload (or a colleague opening it) shows the same.
  await admin.reload();
  await expect(admin.locator('input[name=action]')).toHaveValue('user.roles.update');
  await expect(admin.locator('tr[data-action="user.roles.update"]').first()).toBeVisible();
});
