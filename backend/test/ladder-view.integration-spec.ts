import type { MyLadder } from '@qadam/contracts';
import { useTestApp } from './support/app';
import { giveCertificate, publishCourse } from './support/courses';
import { createTeacher } from './support/factories';

describe('GET /api/me/ladder', () => {
  const ctx = useTestApp();
  const ladder = async (token: string, lang = 'kk') =>
    (await ctx.api.get('/api/me/ladder', { token, lang })).body as MyLadder;
  const status = (l: MyLadder) => l.rungs.map((r) => `${r.level}:${r.status}`);

  it('asks who is asking', async () => {
    expect((await ctx.api.get('/api/me/ladder')).status).toBe(401);
  });

  it('opens Acquire to a newcomer and says, in her language, what each higher rung needs', async () => {
    const t = await createTeacher(ctx.app, { subjects: ['mathematics'] });
    const kk = await ladder(t.accessToken);
    expect(kk.current).toBeNull();
    expect(status(kk)).toEqual(['acquire:open', 'deepen:locked', 'create:locked']);
    expect(kk.rungs[1].missing).toEqual(['«Игеру» деңгейінің жарамды куәлігі']);
    const ru = await ladder(t.accessToken, 'ru');
    expect(ru.rungs[2].missing).toEqual([
      'действующий сертификат уровня «Углубление»',
      'предмет «Информатика» в вашем профиле',
    ]);
  });

  it('shows a rung in progress while she studies, then held with its certificate', async () => {
    const t = await createTeacher(ctx.app);
    const course = await publishCourse(ctx.app, { level: 'acquire', kind: 'mooc' });
    const enrolled = await ctx.api.post(
      `/api/courses/${course.slug}/enrollments`,
      {},
      { token: t.accessToken },
    );
    expect(enrolled.status).toBe(201);
    const studying = await ladder(t.accessToken);
    expect(status(studying)).toEqual(['acquire:in_progress', 'deepen:locked', 'create:locked']);
    expect(studying.rungs[0].enrollments.map((e) => e.courseSlug)).toEqual([course.slug]);

    const certId = await giveCertificate(ctx.app, t.user.id, 'acquire');
    const holding = await ladder(t.accessToken);
    expect(holding.current).toBe('acquire');
    expect(status(holding)).toEqual(['acquire:held', 'deepen:open', 'create:locked']);
    expect(holding.rungs[0].certificate).toMatchObject({ id: certId, number: expect.any(String) });
    expect(holding.rungs[1].missing).toEqual([]);
  });

  it('does not count a revoked certificate', async () => {
    const t = await createTeacher(ctx.app);
    await giveCertificate(ctx.app, t.user.id, 'acquire', { status: 'revoked' });
    expect(status(await ladder(t.accessToken))).toEqual([
      'acquire:open',
      'deepen:locked',
      'create:locked',
    ]);
  });
});
