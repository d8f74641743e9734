import { makeIin } from '../src/users/iin';
import { useTestApp } from './support/app';
import {
  createTeacher,
  GOOD_PASSWORD,
  teacherInput,
  uniqueEmail,
  uniqueIin,
} from './support/factories';

describe('accounts', () => {
  const ctx = useTestApp();

  it('register -> login -> me', async () => {
    const input = teacherInput({ email: `  Aigul.${Date.now()}@Mektep.KZ ` });
    const reg = await ctx.api.post('/api/auth/register', input);
    expect(reg.status).toBe(201);
    const email = input.email.trim().toLowerCase();
    expect(reg.body.user).toMatchObject({
      email,
      fullName: input.fullName,
      iin: input.iin,
      region: 'turkistan',
      school: input.school,
      schoolKind: 'rural',
      subjects: ['informatics'],
      grades: ['secondary'],
      language: 'kk',
      roles: ['teacher'],
    });
    expect(reg.body.user).not.toHaveProperty('passwordHash');
    expect(typeof reg.body.accessToken).toBe('string');
    expect(typeof reg.body.refreshToken).toBe('string');

    const login = await ctx.api.post('/api/auth/login', {
      email: email.toUpperCase(),
      password: GOOD_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(reg.body.user.id);

    const me = await ctx.api.get('/api/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: reg.body.user.id, email, roles: ['teacher'] });
  });

  it('accepts the API.md single `subject` shorthand', async () => {
    const { email, password, fullName } = teacherInput();
    const res = await ctx.api.post('/api/auth/register', {
      email,
      password,
      fullName,
      subject: 'primary',
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      subjects: ['primary'],
      iin: null,
      region: null,
      language: 'kk',
    });
  });

  it('rejects a wrong password with 401 INVALID_CREDENTIALS, the same as an unknown e-mail', async () => {
    const t = await createTeacher(ctx.app);
    const wrong = await ctx.api.post(
      '/api/auth/login',
      { email: t.user.email, password: 'not the password' },
      { lang: 'en' },
    );
    const unknown = await ctx.api.post(
      '/api/auth/login',
      { email: uniqueEmail(), password: GOOD_PASSWORD },
      { lang: 'en' },
    );
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'Wrong email or password.',
      });
    }
  });

  describe('bad input gets 400 VALIDATION_FAILED naming each field', () => {
    it.each([
      ['too short', 'short1', 'password.too_short'],
      ['common', 'qwertyuiop', 'password.common'],
      ['digits run', '1234567890', 'password.common'],
    ])('weak password (%s)', async (_, password, rule) => {
      const res = await ctx.api.post('/api/auth/register', teacherInput({ password }), {
        lang: 'en',
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details).toEqual([{ field: 'password', rule, problem: expect.any(String) }]);
    });

    it('a password made of the e-mail', async () => {
      const email = uniqueEmail('zhanar');
      const res = await ctx.api.post(
        '/api/auth/register',
        teacherInput({ email, password: `${email.split('@')[0]}!!` }),
      );
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'password', rule: 'password.personal' }),
      ]);
    });

    it.each([
      [
        'a wrong check digit',
        () => {
          const ok = uniqueIin();
          return ok.slice(0, 11) + String((Number(ok[11]) + 1) % 10);
        },
        'iin.checksum',
      ],
      ['11 digits', () => uniqueIin().slice(0, 11), 'iin.format'],
      ['letters', () => '90010130012A', 'iin.format'],
      ['an impossible date', () => '901301300126', 'iin.date'],
      ['century digit 9', () => '900101900126', 'iin.century'],
    ])('an IIN with %s', async (_, iin, rule) => {
      const res = await ctx.api.post('/api/auth/register', teacherInput({ iin: iin() }));
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'iin', rule })]);
    });

    it('unknown fields are refused, not ignored', async () => {
      const res = await ctx.api.post('/api/auth/register', {
        ...teacherInput(),
        roles: ['admin'],
        isAdmin: true,
      });
      expect(res.status).toBe(400);
      expect(
        res.body.details.map((d: { field: string; rule: string }) => [d.field, d.rule]).sort(),
      ).toEqual([
        ['isAdmin', 'whitelistValidation'],
        ['roles', 'whitelistValidation'],
      ]);
    });

    it('every broken field at once, with messages in the requested language', async () => {
      const body = {
        email: 'not-an-email',
        password: 'x',
        fullName: '',
        region: 'atlantis',
        subjects: ['alchemy'],
        language: 'de',
      };
      const kk = await ctx.api.post('/api/auth/register', body, { lang: 'kk' });
      const ru = await ctx.api.post('/api/auth/register', body, { lang: 'ru-KZ,ru;q=0.9' });
      expect(kk.status).toBe(400);
      const fields = (r: typeof kk) => r.body.details.map((d: { field: string }) => d.field).sort();
      expect(fields(kk)).toEqual([
        'email',
        'fullName',
        'language',
        'password',
        'region',
        'subjects',
      ]);
      expect(kk.body.message).toBe(
        'Кейбір өрістер дұрыс толтырылмаған. Белгіленген өрістерді түзетіңіз.',
      );
      expect(ru.body.message).toBe('Некоторые поля заполнены неверно. Исправьте отмеченные поля.');
      const emailProblem = (r: typeof kk) =>
        r.body.details.find((d: { field: string }) => d.field === 'email').problem;
      expect(emailProblem(kk)).toMatch(/^Электрондық пошта/);
      expect(emailProblem(ru)).toMatch(/^Введите корректный адрес/);
    });

    it('malformed JSON is a 400 in the same body, not a 500', async () => {
      const res = await ctx.api.raw('POST', '/api/auth/register', '{"email": ', {
        headers: { 'content-type': 'application/json' },
        lang: 'en',
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'MALFORMED_REQUEST',
        message: expect.any(String),
      });
    });

    it('a non-JSON body is a 415 in the same body', async () => {
      const res = await ctx.api.raw('POST', '/api/auth/login', '<email>a</email>', {
        headers: { 'content-type': 'application/xml' },
      });
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    });
  });

  describe('uniqueness', () => {
    it('409 EMAIL_TAKEN, whatever the letter case', async () => {
      const t = await createTeacher(ctx.app);
      const res = await ctx.api.post(
        '/api/auth/register',
        teacherInput({ email: t.user.email.toUpperCase() }),
        { lang: 'en' },
      );
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        code: 'EMAIL_TAKEN',
        message: expect.stringMatching(/already registered/),
      });
    });

    it('409 IIN_TAKEN: one account per person', async () => {
      const t = await createTeacher(ctx.app);
      const res = await ctx.api.post('/api/auth/register', teacherInput({ iin: t.user.iin! }));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('IIN_TAKEN');
    });

    it('concurrent registrations of one e-mail: exactly one wins', async () => {
      const email = uniqueEmail('race');
      const results = await Promise.all(
        [0, 1, 2].map(() => ctx.api.post('/api/auth/register', teacherInput({ email }))),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });
  });

  describe('PATCH /api/me', () => {
    it('edits the profile and clears optional fields with null', async () => {
      const t = await createTeacher(ctx.app);
      const iin = makeIin('1985-06-15', 'female', 4321);
      const res = await ctx.api.patch(
        '/api/me',
        {
          fullName: ' Сейітова Жанар ',
          iin,
          region: 'almaty',
          school: null,
          schoolKind: 'small_ungraded',
          subjects: ['primary', 'mathematics'],
          grades: ['primary'],
          language: 'ru',
        },
        { token: t.accessToken },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        fullName: 'Сейітова Жанар',
        iin,
        region: 'almaty',
        school: null,
        schoolKind: 'small_ungraded',
        subjects: ['primary', 'mathematics'],
        grades: ['primary'],
        language: 'ru',
      });
      const me = await ctx.api.get('/api/me', { token: t.accessToken });
      expect(me.body).toMatchObject({ fullName: 'Сейітова Жанар', language: 'ru', school: null });
      expect(me.body.email).toBe(t.user.email);
    });

    it('refuses null for required fields and changes nothing', async () => {
      const t = await createTeacher(ctx.app);
      const res = await ctx.api.patch(
        '/api/me',
        { fullName: null, subjects: null, region: 'almaty' },
        { token: t.accessToken },
      );
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'fullName',
        'subjects',
      ]);
      const me = await ctx.api.get('/api/me', { token: t.accessToken });
      expect(me.body).toMatchObject({ fullName: t.user.fullName, region: t.user.region });
    });

    it('refuses e-mail, password and roles: they are not profile fields', async () => {
      const t = await createTeacher(ctx.app);
      const res = await ctx.api.patch(
        '/api/me',
        { roles: ['admin'], email: 'x@y.kz' },
        { token: t.accessToken },
      );
      expect(res.status).toBe(400);
      const me = await ctx.api.get('/api/me', { token: t.accessToken });
      expect(me.body.roles).toEqual(['teacher']);
    });

    it("409 IIN_TAKEN when the IIN is someone else's", async () => {
      const [a, b] = [await createTeacher(ctx.app), await createTeacher(ctx.app)];
      const res = await ctx.api.patch('/api/me', { iin: a.user.iin }, { token: b.accessToken });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('IIN_TAKEN');
    });
  });

  it('GET /api/reference lists the 20 regions and the subjects in three languages', async () => {
    const res = await ctx.api.get('/api/reference');
    expect(res.status).toBe(200);
    expect(res.body.regions).toHaveLength(20);
    expect(res.body.regions.find((r: { code: string }) => r.code === 'karaganda').name.kk).toBe(
      'Қарағанды облысы',
    );
    expect(res.body.subjects.map((s: { code: string }) => s.code)).toContain('informatics');
    expect(res.body.schoolKinds.map((s: { code: string }) => s.code)).toEqual([
      'urban',
      'rural',
      'small_ungraded',
    ]);
  });
});
