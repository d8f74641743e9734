import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { runCoursesImport } from '../src/cli/courses-import';
import { useTestApp } from './support/app';

const FIXTURES = path.resolve(__dirname, '../src/courses/package/__fixtures__');
const SAMPLE = path.resolve(__dirname, '../../courses');

/** Runs the CLI in-process and captures what it prints. */
async function importCli(args: string[]) {
  const lines: string[] = [];
  const code = await runCoursesImport(args, {
    log: (l) => lines.push(l),
    error: (l) => lines.push(l),
  });
  return { code, out: lines.join('\n') };
}

describe('courses:import', () => {
  const ctx = useTestApp();
  const versions = async (slug: string) =>
    ctx.app.get(DataSource).query(
      `SELECT v.number, v.status, v.source FROM course_versions v JOIN courses c ON c.id = v.course_id
          WHERE c.slug = $1 ORDER BY v.number`,
      [slug],
    );

  async function copyOf(fixture: string, slug: string): Promise<string> {
    const root = await mkdtemp(path.join(tmpdir(), 'qadam-import-'));
    const dir = path.join(root, slug);
    await cp(path.join(FIXTURES, fixture), dir, { recursive: true });
    const yamlFile = path.join(dir, 'course.yaml');
    await writeFile(
      yamlFile,
      (await readFile(yamlFile, 'utf8')).replace(/^slug: .*$/m, `slug: ${slug}`),
    );
    return dir;
  }

  it('rejects a broken package with file:line for every problem, importing nothing', async () => {
    const { code, out } = await importCli([path.join(FIXTURES, 'broken-course'), '--publish']);
    expect(code).toBe(1);
    expect(out).toMatch(/broken-course\/course\.yaml:\d+: /);
    expect(out).toMatch(/broken-course\/lessons\/[\w-]+\.(kk|ru)\.md:\d+: /);
    expect(out.split('\n').filter((l) => /:\d+: /.test(l)).length).toBeGreaterThan(3);
    const [row] = await ctx.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM courses WHERE slug = 'broken-course'`);
    expect(row.n).toBe(0);
  });

  it("rejects a competency code no framework has, at its file and line, in the reader's language", async () => {
    const dir = await copyOf('good-course', 'unknown-code-course');
    const yamlFile = path.join(dir, 'course.yaml');
    // Well-formed, but ISTE 2.1 has indicators a–c only.
    await writeFile(
      yamlFile,
      (await readFile(yamlFile, 'utf8')).replace('iste-ed:2.1.a', 'iste-ed:2.1.d'),
    );
    const { code, out } = await importCli([dir, '--publish', '--lang', 'kk']);
    expect(code).not.toBe(0);
    expect(out).toMatch(/unknown-code-course\/course\.yaml:14: /);
    const [{ n }] = await ctx.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM courses WHERE slug = 'unknown-code-course'`);
    expect(n).toBe(0);
  });

  it('imports a good package once: a second import of the same content changes nothing', async () => {
    const slug = `good-${Date.now()}`;
    const dir = await copyOf('good-course', slug);
    const first = await importCli([dir]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain(`${slug}: created (version 1)`);
    const auditCount = async () =>
      (
        await ctx.app
          .get(DataSource)
          .query(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1`, [slug])
      )[0].n;
    const before = await auditCount();
    const second = await importCli([dir]);
    expect(second.out).toContain(`${slug}: unchanged (version 1)`);
    expect(await versions(slug)).toEqual([{ number: 1, status: 'draft', source: 'package' }]);
    expect(await auditCount()).toBe(before);

    // Publishing the same content publishes the draft; again, nothing.
    expect((await importCli([dir, '--publish'])).out).toContain(`${slug}: published (version 1)`);
    expect((await importCli([dir, '--publish'])).out).toContain(`${slug}: unchanged (version 1)`);

    // A changed package makes a new draft, and leaves the published version as it was.
    const lesson = path.join(dir, 'lessons');
    const file = (await import('node:fs/promises')).readdir(lesson);
    const md = path.join(
      lesson,
      (await file).find((f) => f.endsWith('.kk.md'))!,
    );
    await writeFile(md, `${await readFile(md, 'utf8')}\n\nҚосымша абзац.\n`);
    expect((await importCli([dir])).out).toContain(`${slug}: updated (version 2)`);
    expect(await versions(slug)).toEqual([
      { number: 1, status: 'published', source: 'package' },
      { number: 2, status: 'draft', source: 'package' },
    ]);
    const catalog = await ctx.api.get(`/api/courses/${slug}`);
    expect(catalog.body.version).toBe(1);
  });

  it("imports a package's banks with it, idempotently: a changed item gets a new version, a dropped one is archived", async () => {
    const slug = `banked-${Date.now()}`;
    const bank = `${slug}-bank`;
    const dir = await copyOf('good-course', slug);
    const { rename } = await import('node:fs/promises');
    const bankFile = path.join(dir, 'banks', `${bank}.yaml`);
    await rename(path.join(dir, 'banks', 'module-1-bank.yaml'), bankFile);
    const yamlFile = path.join(dir, 'course.yaml');
    await writeFile(
      yamlFile,
      (await readFile(yamlFile, 'utf8')).replace('bank: module-1-bank', `bank: ${bank}`),
    );
    const first = await importCli([dir, '--publish']);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`bank ${bank}: 3 added, 0 new versions, 0 unchanged, 0 archived`);
    expect((await importCli([dir, '--publish'])).out).toContain(
      `bank ${bank}: 0 added, 0 new versions, 3 unchanged, 0 archived`,
    );

    const text = await readFile(bankFile, 'utf8');
    const edited = text
      .replace('ЖИ әрқашан дұрыс жауап береді.', 'ЖИ кейде қате жауап береді.')
      .replace(/ {2}- key: author[\s\S]*$/, '');
    await writeFile(bankFile, edited);
    expect((await importCli([dir, '--publish'])).out).toContain(
      `bank ${bank}: 0 added, 1 new versions, 1 unchanged, 1 archived`,
    );
    const items = await ctx.app.get(DataSource).query(
      `SELECT i.key, i.current_version, i.archived_at IS NOT NULL AS archived
         FROM items i JOIN question_banks b ON b.id = i.bank_id WHERE b.key = $1 ORDER BY i.key`,
      [bank],
    );
    expect(items).toEqual([
      { key: 'always-right', current_version: 2, archived: false },
      { key: 'author', current_version: 1, archived: true },
      { key: 'predicts-text', current_version: 1, archived: false },
    ]);

    // Now the bank holds 2 live items: a draw of 3 cannot be published, and says where.
    await writeFile(
      yamlFile,
      (await readFile(yamlFile, 'utf8')).replace(
        `draw: { bank: ${bank}, count: 2 }`,
        `draw: { bank: ${bank}, count: 2 }\n      - key: more\n        draw: { bank: elsewhere-${slug}, count: 1 }`,
      ),
    );
    const refused = await importCli([dir, '--publish', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      `assessments[0].sections[1]: The question bank "elsewhere-${slug}" was not found`,
    );
  });

  it('does not overwrite a draft an author is editing', async () => {
    const slug = `edited-${Date.now()}`;
    const dir = await copyOf('good-course', slug);
    await importCli([dir, '--publish']);
    const ds = ctx.app.get(DataSource);
    await ds.query(
      `INSERT INTO course_versions (course_id, number, status, source, document, content_hash)
       SELECT course_id, 2, 'draft', 'editor', document, repeat('0', 64) FROM course_versions
        WHERE course_id = (SELECT id FROM courses WHERE slug = $1)`,
      [slug],
    );
    const yamlFile = path.join(dir, 'course.yaml');
    await writeFile(
      yamlFile,
      (await readFile(yamlFile, 'utf8')).replace(/^hours: \d+$/m, 'hours: 99'),
    );
    const res = await importCli([dir, '--lang', 'kk']);
    expect(res.code).toBe(1);
    expect(res.out).toContain('редакторда өңделіп жатқан жобасы бар');
    expect((await versions(slug)).map((v: { source: string }) => v.source)).toEqual([
      'package',
      'editor',
    ]);
  });

  it('imports the sample package of courses/ on first start; the catalog lists it in kk and ru', async () => {
    const ds = ctx.app.get(DataSource);
    const first = await importCli([SAMPLE, '--publish', '--if-empty']);
    // Earlier tests in this file made courses: --if-empty leaves the database alone.
    expect(first.out).toContain('nothing imported');
    const all = await importCli([SAMPLE, '--publish']);
    expect(all.code).toBe(0);
    expect(all.out).toContain('ai-in-teachers-work: published (version 1)');
    const kk = await ctx.api.get('/api/courses?lang=kk&level=acquire&pageSize=200');
    const ru = await ctx.api.get('/api/courses?lang=ru&level=acquire&pageSize=200');
    const find = (b: { items: { slug: string }[] }) =>
      b.items.find((c) => c.slug === 'ai-in-teachers-work');
    expect(find(kk.body)).toMatchObject({
      title: 'Педагог жұмысындағы жасанды интеллект',
      lang: 'kk',
    });
    expect(find(ru.body)).toMatchObject({
      title: 'Искусственный интеллект в работе педагога',
      lang: 'ru',
    });
    const [row] = await ds.query(
      `SELECT count(*)::int AS n FROM lessons l JOIN courses c ON c.published_version_id = l.version_id WHERE c.slug = 'ai-in-teachers-work'`,
    );
    expect(row.n).toBeGreaterThanOrEqual(6);
  });
});
