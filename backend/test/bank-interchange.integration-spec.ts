import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { ImportReport } from '@qadam/contracts';
import { useTestApp } from './support/app';
import { createUserWithRoles } from './support/courses';
import { createTeacher } from './support/factories';

const FIXTURES = path.resolve(__dirname, '../src/assessments/interchange/__fixtures__');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('question banks: Moodle XML and GIFT import, Moodle XML export', () => {
  const ctx = useTestApp();
  let author: string;
  beforeAll(async () => {
    author = (await createUserWithRoles(ctx.app, ['author'])).accessToken;
  });

  const importFile = (
    body: string,
    query: string,
    contentType = 'application/xml',
    token = author,
    lang = 'ru',
  ) =>
    ctx.api.raw('POST', `/api/banks/import?${query}`, body, {
      token,
      lang,
      headers: { 'content-type': contentType },
    });

  it('imports a Moodle XML file: categories become banks, a second import adds nothing', async () => {
    const res = await importFile(
      fixture('good.moodle.xml'),
      'format=moodle&lang=kk&competencies=unesco-cft:1.1',
    );
    expect(res.status).toBe(200);
    const report = res.body as ImportReport;
    expect(report).toMatchObject({
      format: 'moodle',
      imported: 8,
      duplicates: 0,
      skipped: 0,
      problems: [],
    });
    expect(report.banks.map((b) => [b.key, b.created, b.items])).toEqual([
      ['default-for-ai-course-ai-basics', true, 5],
      // The Kazakh category name, transliterated.
      ['qazaqsha-suraqtar', true, 3],
    ]);
    // An image dropped and a default rubric given are imported, with a warning to review.
    expect(report.warnings.length).toBeGreaterThan(0);
    const types = await ctx.app
      .get(DataSource)
      .query(
        `SELECT i.type, count(*)::int AS n FROM items i WHERE i.bank_id = ANY($1) GROUP BY 1 ORDER BY 1`,
        [report.banks.map((b) => b.id)],
      );
    expect(types).toEqual([
      { type: 'essay', n: 1 },
      { type: 'matching', n: 1 },
      { type: 'multiple', n: 2 },
      { type: 'numeric', n: 1 },
      { type: 'short_answer', n: 1 },
      { type: 'single', n: 1 },
      { type: 'true_false', n: 1 },
    ]);

    const again = await importFile(
      fixture('good.moodle.xml'),
      'format=moodle&lang=kk&competencies=unesco-cft:1.1',
    );
    expect(again.body).toMatchObject({ imported: 0, duplicates: 8 });
  });

  it('reports each broken question with its position, name, line and reason, importing the rest', async () => {
    const res = await importFile(
      fixture('broken.moodle.xml'),
      'format=moodle&competencies=unesco-cft:2.1',
    );
    expect(res.status).toBe(200);
    const report = res.body as ImportReport;
    expect(report.imported + report.duplicates).toBe(2);
    expect(report.skipped).toBe(11);
    expect(report.problems.map((p) => [p.index, p.name, p.line])).toEqual([
      [2, 'Cloze', 11],
      [3, 'No correct answer', 16],
      [4, 'One pair', 24],
      [5, 'No text', 37],
      [6, 'Bad fraction', 43],
      [8, 'No full marks', 58],
      [9, 'Intro', 66],
      [10, 'Empty answer', 71],
      [11, 'Shared answer', 79],
      [12, 'Too many points', 87],
      [13, 'Not a number', 93],
    ]);
    // In the reader's language (Russian here), with no key left untranslated.
    for (const p of report.problems) expect(p.problem).toMatch(/[А-Яа-яЁё]/);
  });

  it('refuses XML with a DTD (no external entity is ever read) and malformed XML, as a whole', async () => {
    const xxe = await importFile(
      fixture('xxe.moodle.xml'),
      'format=moodle&competencies=unesco-cft:1.1',
    );
    expect(xxe.status).toBe(400);
    expect(xxe.body.code).toBe('IMPORT_REFUSED');
    expect(JSON.stringify(xxe.body)).not.toContain('root:');
    const [{ n }] = await ctx.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM item_versions WHERE definition::text LIKE '%root:%'`);
    expect(n).toBe(0);

    const malformed = await importFile(
      fixture('malformed.moodle.xml'),
      'format=moodle&competencies=unesco-cft:1.1',
      'application/xml',
      author,
      'kk',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('IMPORT_REFUSED');
    expect(malformed.body.message).toMatch(/^Файл импортталмады: /);
  });

  it('imports GIFT, good and broken, with a report', async () => {
    const good = await importFile(
      fixture('good.gift.txt'),
      'format=gift&lang=kk&competencies=unesco-cft:3.1',
      'text/plain',
    );
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ format: 'gift', imported: 18, skipped: 0, problems: [] });
    const broken = await importFile(
      fixture('broken.gift.txt'),
      'format=gift&competencies=unesco-cft:3.1',
      'text/plain',
    );
    expect(broken.status).toBe(200);
    expect(
      broken.body.problems
        .slice(0, 3)
        .map((p: { index: number; line: number }) => [p.index, p.line]),
    ).toEqual([
      [2, 5],
      [3, 9],
      [4, 11],
    ]);
  });

  it('exports a bank to Moodle XML that imports back as the same questions', async () => {
    const first = await importFile(
      fixture('good.gift.txt').replace(/^\$CATEGORY:.*$/gm, ''),
      `format=gift&lang=kk&competencies=unesco-cft:3.1&bank=gift-roundtrip-${Date.now()}`,
      'text/plain',
    );
    const bank = (first.body as ImportReport).banks[0];
    const xml = await ctx.api.get(`/api/banks/${bank.id}/export?lang=kk`, { token: author });
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.body).toContain('<quiz>');
    // Same content in a bank of its own name: imported as new questions, none refused.
    const back = await importFile(
      (xml.body as string).replace(
        /<text>\$course\$\/top\/[^<]*<\/text>/g,
        '<text>$course$/top/Round trip back</text>',
      ),
      'format=moodle&lang=kk&competencies=unesco-cft:3.1',
    );
    expect(back.body.problems).toEqual([]);
    expect(back.body.imported).toBe(bank.items);
  });

  it('is for authors and admins only, and needs a file', async () => {
    const t = await createTeacher(ctx.app);
    expect(
      (await importFile(fixture('good.gift.txt'), 'format=gift', 'text/plain', t.accessToken))
        .status,
    ).toBe(403);
    const empty = await importFile('', 'format=gift&competencies=unesco-cft:3.1', 'text/plain');
    expect(empty.status).toBe(400);
    const badCode = await importFile(
      fixture('good.gift.txt'),
      'format=gift&competencies=unesco-cft:9.9',
      'text/plain',
    );
    expect(badCode.status).toBe(400);
    expect(badCode.body.details[0].field).toBe('competencies');
  });
});
