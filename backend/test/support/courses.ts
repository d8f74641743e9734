import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  AssessmentDocument,
  AuthResult,
  CourseDocument,
  CourseKind,
  LadderLevel,
  Role,
} from '@qadam/contracts';
import { DataSource } from 'typeorm';
import { AdminAccountsService } from '../../src/auth/admin-accounts.service';
import { CourseImportService } from '../../src/courses/course-import.service';
import { courseContentHash } from '../../src/courses/package/package-loader';
import { http } from './app';
import { createAdmin, createTeacher, uniqueEmail } from './factories';

let seq = 0;
export function uniqueSlug(prefix = 'course'): string {
  seq += 1;
  return `${prefix}-${seq}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A small course document in kk and ru; override anything. */
export function courseDocument(overrides: Partial<CourseDocument> = {}): CourseDocument {
  return {
    level: 'acquire',
    kind: 'mooc',
    languages: ['kk', 'ru'],
    hours: 6,
    title: {
      kk: 'Жасанды интеллект негіздері',
      ru: 'Основы искусственного интеллекта',
      en: 'AI basics',
    },
    description: {
      kk: 'Педагогтарға арналған генеративтік модельдер туралы қысқа курс.',
      ru: 'Короткий курс о генеративных моделях для педагогов.',
    },
    audience: { kk: 'Барлық педагогтар', ru: 'Все педагоги' },
    competencies: ['unesco-cft:3.1'],
    modules: [
      {
        key: 'basics',
        title: { kk: 'Негіздер', ru: 'Основы' },
        lessons: [
          {
            key: 'what-is-ai',
            title: { kk: 'ЖИ деген не?', ru: 'Что такое ИИ?' },
            minutes: 7,
            required: true,
            competencies: ['unesco-cft:3.1'],
            sources: [{ title: 'UNESCO (2024)', url: 'https://doi.org/10.54675/ZJTE2084' }],
            body: { kk: 'Модель **мәтінді** болжайды.', ru: 'Модель **предсказывает** текст.' },
          },
          {
            key: 'checking-output',
            title: { kk: 'Жауапты тексеру', ru: 'Проверка ответа' },
            minutes: 8,
            required: true,
            competencies: ['unesco-cft:2.1'],
            sources: [],
            body: { kk: 'Әр фактіні тексеріңіз.', ru: 'Проверяйте каждый факт.' },
          },
        ],
      },
    ],
    assessments: [assessmentDocument()],
    ...overrides,
  };
}

/** A final test with no sections yet; override anything. */
export function assessmentDocument(
  overrides: Partial<AssessmentDocument> = {},
): AssessmentDocument {
  return {
    key: 'final-test',
    kind: 'final',
    title: { kk: 'Қорытынды тест', ru: 'Итоговый тест' },
    passMark: 70,
    timeLimitMinutes: 40,
    attemptsAllowed: 3,
    required: true,
    module: null,
    competencies: ['unesco-cft:3.1'],
    sections: [],
    availableFrom: null,
    availableUntil: null,
    shuffleItems: false,
    shuffleOptions: true,
    layout: 'one_per_page',
    review: { shows: 'score', from: 'submit' },
    ...overrides,
  };
}

/** Imports and publishes a course directly through the importer (no review). */
export async function publishCourse(
  app: NestFastifyApplication,
  overrides: Partial<CourseDocument> & { slug?: string } = {},
): Promise<{ slug: string; id: string; document: CourseDocument }> {
  const { slug = uniqueSlug(overrides.level ?? 'acquire'), ...doc } = overrides;
  const document = courseDocument(doc);
  await app
    .get(CourseImportService)
    .import({ slug, document, hash: courseContentHash(slug, document) }, true);
  const [row] = await app.get(DataSource).query(`SELECT id FROM courses WHERE slug = $1`, [slug]);
  return { slug, id: row.id, document };
}

export const kinds: Record<LadderLevel, CourseKind> = {
  acquire: 'mooc',
  deepen: 'cohort',
  create: 'profile',
};

/** A certificate record of a rung, as the certificate worker will leave it. */
export async function giveCertificate(
  app: NestFastifyApplication,
  userId: string,
  level: LadderLevel,
  o: { status?: 'pending' | 'issued' | 'revoked'; expiresAt?: Date | null } = {},
): Promise<string> {
  const course = await publishCourse(app, { level, kind: kinds[level] });
  const [row] = await app.get(DataSource).query(
    `INSERT INTO certificates (user_id, course_id, level, status, issued_at, expires_at, revoked_at)
     VALUES ($1, $2, $3, $4::varchar, now(), $5, CASE WHEN $4::varchar = 'revoked' THEN now() END) RETURNING id`,
    [userId, course.id, level, o.status ?? 'issued', o.expiresAt ?? null],
  );
  return row.id;
}

/** A teacher account given extra roles by an admin's service, signed in again to carry them. */
export async function createUserWithRoles(
  app: NestFastifyApplication,
  roles: Role[],
): Promise<AuthResult> {
  const t = await createTeacher(app, { email: uniqueEmail(roles.join('-')) });
  const admin = await createAdmin(app);
  await app
    .get(AdminAccountsService)
    .setRoles({ id: admin.user.id, requestId: null }, t.user.id, roles);
  const res = await http(app).post('/api/auth/login', {
    email: t.user.email,
    password: t.password,
  });
  return res.body as AuthResult;
}

/** Polls until `done` returns true (background jobs), failing after `ms`. */
export async function eventually<T>(
  fn: () => Promise<T>,
  done: (v: T) => boolean,
  ms = 20000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (done(v)) return v;
    if (Date.now() > until) throw new Error(`not done after ${ms} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
