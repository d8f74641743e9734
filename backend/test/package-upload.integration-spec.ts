import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { useTestApp } from './support/app';
import { createAdmin, createTeacher } from './support/factories';

const FIXTURES = path.join(__dirname, '../src/courses/package/__fixtures__');

/** A fixture package's files, by path inside the package, with its slug replaced by `slug`. */
async function packageFiles(fixture: string, slug?: string): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  const walk = async (dir: string, prefix: string) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(path.join(dir, e.name), `${prefix}${e.name}/`);
      else {
        let text = await readFile(path.join(dir, e.name), 'utf8');
        if (slug && e.name === 'course.yaml') text = text.replace(/^slug: .*$/m, `slug: ${slug}`);
        out[`${prefix}${e.name}`] = strToU8(text);
      }
    }
  };
  await walk(path.join(FIXTURES, fixture), '');
  return out;
}

const zip = (files: Zippable) => Buffer.from(zipSync(files));
const inFolder = (folder: string, files: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [`${folder}/${k}`, v]));

describe('course package upload (POST /api/authoring/packages)', () => {
  const ctx = useTestApp();
  let author: { accessToken: string; user: { id: string } };
  beforeAll(async () => {
    author = await createAdmin(ctx.app);
  });
  const upload = (
    body: Buffer,
    lang = 'en',
    token = author.accessToken,
    type = 'application/zip',
  ) =>
    ctx.api.raw('POST', '/api/authoring/packages', body, {
      token,
      lang,
      headers: { 'content-type': type },
    });

  it('a zipped package folder becomes the course draft, audited under the uploader; the same zip again changes nothing', async () => {
    const slug = `upload-${Date.now()}`;
    // Archivers name the folder after the zip, not the course: the slug decides.
    const body = zip(inFolder('Жүктелген курс (2)', await packageFiles('good-course', slug)));
    const res = await upload(body);
    expect([res.status, res.body]).toEqual([
      200,
      expect.objectContaining({ slug, outcome: 'created', version: 1, lessons: 3 }),
    ]);
    expect(res.body.items).toBeGreaterThan(0);
    expect(res.body.banks).toEqual([expect.objectContaining({ key: 'module-1-bank' })]);

    const course = await ctx.api.get(`/api/authoring/courses/${slug}`, {
      token: author.accessToken,
    });
    expect(course.body.draft).toMatchObject({ number: 1, status: 'draft', source: 'package' });
    expect(course.body.publishedVersion).toBeNull();
    expect(course.body.document.modules[0].lessons[0].body.kk).toMatch(/\S/);
    const audit = await ctx.api.get(`/api/admin/audit?action=course.import&targetId=${slug}`, {
      token: author.accessToken,
    });
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actorId: author.user.id,
        after: expect.objectContaining({ publish: false }),
      }),
    ]);

    const again = await upload(body);
    expect(again.body).toMatchObject({ slug, outcome: 'unchanged', version: 1 });
  });

  it('files at the root of the zip work too', async () => {
    const slug = `upload-root-${Date.now()}`;
    const res = await upload(zip(await packageFiles('good-course', slug)));
    expect(res.body).toMatchObject({ slug, outcome: 'created', version: 1 });
  });

  it('a package with problems imports nothing and names each problem at its file and line, in the reader language', async () => {
    const res = await upload(
      zip(inFolder('broken-course', await packageFiles('broken-course'))),
      'ru',
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PACKAGE_PROBLEMS');
    expect(res.body.message).toMatch(/^В пакете ошибок: \d+; ничего не импортировано/);
    expect(res.body.details.length).toBeGreaterThan(10);
    expect(res.body.details).toContainEqual({
      field: 'course.yaml:14',
      rule: 'schema.required',
      problem: 'Нет обязательного поля «minutes»',
    });
    expect(res.body.details).toContainEqual(
      expect.objectContaining({ field: 'lessons/markdown-issues.kk.md:5', rule: 'markdown.html' }),
    );
    const course = await ctx.api.get('/api/authoring/courses/broken-kurs', {
      token: author.accessToken,
    });
    expect(course.status).toBe(404);
  });

  it('refuses what is not a package: not a zip, no course.yaml, two courses, a path leaving the folder', async () => {
    const good = await packageFiles('good-course', `upload-bad-${Date.now()}`);
    const cases: [string, Buffer][] = [
      ['not a zip', Buffer.from('slug: x\n')],
      ['no course.yaml', zip(await packageFiles('no-course-yaml'))],
      ['two courses', zip({ ...inFolder('a', good), ...inFolder('b', good) })],
      ['zip slip', zip({ ...good, '../../evil.md': strToU8('x') })],
    ];
    for (const [name, body] of cases) {
      const res = await upload(body, 'kk');
      expect([name, res.status, res.body.code]).toEqual([name, 400, 'PACKAGE_UNREADABLE']);
      expect(res.body.message).toMatch(/^Бұл файл курс пакеті емес: .+\.zip етіп жіберіңіз\.$/);
    }
  });

  it('an archive that would unpack beyond the limit is 413, before anything is written', async () => {
    const good = await packageFiles('good-course', `upload-bomb-${Date.now()}`);
    const bomb = zip({
      ...good,
      'lessons/zeros.bin': [new Uint8Array(70 * 1024 * 1024), { level: 9 }],
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(bomb);
    expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('teachers may not upload; zips are taken only here', async () => {
    const teacher = await createTeacher(ctx.app);
    const body = zip(await packageFiles('good-course', `upload-t-${Date.now()}`));
    expect((await upload(body, 'en', teacher.accessToken)).status).toBe(403);
    const elsewhere = await ctx.api.raw('POST', '/api/banks/import', body, {
      token: author.accessToken,
      headers: { 'content-type': 'application/zip' },
    });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});
