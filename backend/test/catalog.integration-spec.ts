import { CourseImportService } from '../src/courses/course-import.service';
import { courseContentHash } from '../src/courses/package/package-loader';
import { useTestApp } from './support/app';
import { courseDocument, publishCourse, uniqueSlug } from './support/courses';

describe('catalog', () => {
  const ctx = useTestApp();
  const marker = `м${Date.now().toString(36)}`; // a word only this file's courses contain
  let kkOnly: string;
  let primary: string;

  beforeAll(async () => {
    primary = (
      await publishCourse(ctx.app, {
        level: 'deepen',
        kind: 'cohort',
        title: {
          kk: `Бастауыш мектептегі цифрлық технологиялар ${marker}`,
          ru: `Цифровые технологии в начальной школе ${marker}`,
        },
        description: {
          kk: 'Жасанды интеллект көмегімен оқушыларды саралап оқыту.',
          ru: 'Дифференцированное обучение учеников с помощью искусственного интеллекта.',
        },
      })
    ).slug;
    kkOnly = (
      await publishCourse(ctx.app, {
        languages: ['kk'],
        title: { kk: `Промпт жазу өнері ${marker}` },
        description: { kk: 'Мұғалімге арналған сұрақтарды құрастыру тәсілдері.' },
      })
    ).slug;
    for (let i = 0; i < 3; i++)
      await publishCourse(ctx.app, {
        title: { kk: `Қосымша курс ${i} ${marker}`, ru: `Дополнительный курс ${i} ${marker}` },
      });
  });

  const list = (q: string, lang?: string) => ctx.api.get(`/api/courses?${q}`, { lang });

  it('lists published courses with the API.md fields, titles in the asked language', async () => {
    const res = await list(`q=${encodeURIComponent(marker)}&level=deepen&lang=ru`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(res.body.items[0]).toEqual(
      expect.objectContaining({
        slug: primary,
        title: `Цифровые технологии в начальной школе ${marker}`,
        level: 'deepen',
        kind: 'cohort',
        languages: ['kk', 'ru'],
        hours: 6,
        competencies: ['unesco-cft:3.1'],
      }),
    );
  });

  it('filters by language offered and by kind', async () => {
    const ru = await list(`q=${encodeURIComponent(marker)}&lang=ru&pageSize=200`);
    expect(ru.body.items.map((c: { slug: string }) => c.slug)).not.toContain(kkOnly);
    const kk = await list(`q=${encodeURIComponent(marker)}&lang=kk&pageSize=200`);
    expect(kk.body.items.map((c: { slug: string }) => c.slug)).toContain(kkOnly);
    const cohorts = await list(`q=${encodeURIComponent(marker)}&kind=cohort`);
    expect(cohorts.body.items.map((c: { slug: string }) => c.slug)).toEqual([primary]);
  });

  it('searches titles and descriptions in Kazakh and Russian, inside words', async () => {
    // Kazakh suffixes: "сұрақтарды" is found by "сұрақ"; Russian case forms by the stem.
    const kk = await list(`q=${encodeURIComponent(`СҰРАҚ ${marker}`)}`, 'kk');
    expect(kk.body.items.map((c: { slug: string }) => c.slug)).toEqual([kkOnly]);
    const ru = await list(`q=${encodeURIComponent(`ДИФФЕРЕНЦИР ${marker}`)}`, 'ru');
    expect(ru.body.items.map((c: { slug: string }) => c.slug)).toEqual([primary]);
    const none = await list(`q=${encodeURIComponent(`${marker} 100%`)}`);
    expect(none.body).toMatchObject({ total: 0, items: [] });
  });

  it('falls back to Kazakh for a language the course does not offer', async () => {
    const res = await ctx.api.get(`/api/courses/${kkOnly}`, { lang: 'en' });
    expect(res.body).toMatchObject({ lang: 'kk', title: `Промпт жазу өнері ${marker}` });
  });

  it('pages', async () => {
    const q = `q=${encodeURIComponent(marker)}&pageSize=2`;
    const p1 = await list(`${q}&page=1`);
    const p3 = await list(`${q}&page=3`);
    const p9 = await list(`${q}&page=9`);
    expect(p1.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(p1.body.items).toHaveLength(2);
    expect(p3.body.items).toHaveLength(1);
    expect(p9.body).toMatchObject({ total: 5, items: [] });
  });

  it('answers bad filters with 400 and unknown courses with 404', async () => {
    const bad = await list('level=expert&pageSize=1000', 'en');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'level',
      'pageSize',
    ]);
    expect((await ctx.api.get(`/api/courses/${uniqueSlug('none')}`)).status).toBe(404);
  });

  it('does not list unpublished courses', async () => {
    const slug = uniqueSlug('draft');
    const document = courseDocument({ title: { kk: `Жоба ${marker}`, ru: `Черновик ${marker}` } });
    const r = await ctx.app
      .get(CourseImportService)
      .import({ slug, document, hash: courseContentHash(slug, document) }, false);
    expect(r.outcome).toBe('created');
    const all = await list(`q=${encodeURIComponent(marker)}&pageSize=200`);
    expect(all.body.items.map((c: { slug: string }) => c.slug)).not.toContain(slug);
    expect(all.body.total).toBe(5);
    expect((await ctx.api.get(`/api/courses/${slug}`)).status).toBe(404);
  });

  it('lists the three rungs of the ladder', async () => {
    const res = await ctx.api.get('/api/programs', { lang: 'ru' });
    expect(res.body.map((p: { level: string; title: string }) => [p.level, p.title])).toEqual([
      ['acquire', 'Освоение'],
      ['deepen', 'Углубление'],
      ['create', 'Создание'],
    ]);
  });
});
