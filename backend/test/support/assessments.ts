import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AssessmentDocument, ItemDefinition } from '@qadam/contracts';
import { DataSource } from 'typeorm';
import { importBank } from '../../src/assessments/item-store';
import { assignIds } from '../../src/assessments/items/item-schema';
import { assessmentDocument, publishCourse, uniqueSlug } from './courses';
import { createTeacher } from './factories';
import { http } from './app';

const kkru = (kk: string, ru: string) => ({ kk, ru });

/** One item of every type, with keys a test can check answers against. */
export const ITEMS: Record<string, ItemDefinition> = {
  single: {
    type: 'single',
    prompt: kkru('Генеративті модель не істейді?', 'Что делает генеративная модель?'),
    competencies: ['unesco-cft:1.1'],
    difficulty: 'easy',
    options: [
      {
        id: 'gen',
        text: kkru('Келесі сөзді болжайды', 'Предсказывает следующее слово'),
        correct: true,
      },
      { id: 'db', text: kkru('Дерекқордан іздейді', 'Ищет в базе данных') },
      { id: 'calc', text: kkru('Тек есептейді', 'Только вычисляет') },
    ],
    feedback: { general: kkru('Модель мәтінді болжайды.', 'Модель предсказывает текст.') },
  },
  multiple: {
    type: 'multiple',
    prompt: kkru('Жеке деректерге не жатады?', 'Что относится к персональным данным?'),
    competencies: ['unesco-cft:2.1'],
    difficulty: 'medium',
    scoring: 'partial',
    options: [
      { id: 'iin', text: kkru('ЖСН', 'ИИН'), correct: true },
      { id: 'name', text: kkru('Аты-жөні', 'ФИО'), correct: true },
      { id: 'address', text: kkru('Мекенжайы', 'Адрес'), correct: true },
      { id: 'weather', text: kkru('Ауа райы', 'Погода') },
    ],
  },
  true_false: {
    type: 'true_false',
    prompt: kkru('ЖИ әрқашан дұрыс жауап береді.', 'ИИ всегда отвечает верно.'),
    competencies: ['unesco-cft:2.1'],
    difficulty: 'easy',
    answer: false,
  },
  matching: {
    type: 'matching',
    prompt: kkru('Сәйкестендіріңіз', 'Сопоставьте'),
    competencies: ['unesco-cft:3.1'],
    difficulty: 'medium',
    pairs: [
      {
        left: { id: 'l1', text: kkru('Промпт', 'Промпт') },
        right: { id: 'r1', text: kkru('Сұраныс', 'Запрос') },
      },
      {
        left: { id: 'l2', text: kkru('Галлюцинация', 'Галлюцинация') },
        right: { id: 'r2', text: kkru('Ойдан шығарылған факт', 'Выдуманный факт') },
      },
      {
        left: { id: 'l3', text: kkru('Токен', 'Токен') },
        right: { id: 'r3', text: kkru('Мәтін бөлігі', 'Часть текста') },
      },
    ],
    distractors: [{ id: 'r4', text: kkru('Сурет', 'Картинка') }],
  },
  ordering: {
    type: 'ordering',
    prompt: kkru('Ретімен қойыңыз', 'Расставьте по порядку'),
    competencies: ['unesco-cft:4.1'],
    difficulty: 'medium',
    sequence: [
      { id: 's1', text: kkru('Мақсат қою', 'Поставить цель') },
      { id: 's2', text: kkru('Промпт жазу', 'Написать промпт') },
      { id: 's3', text: kkru('Жауапты тексеру', 'Проверить ответ') },
      { id: 's4', text: kkru('Сабаққа бейімдеу', 'Адаптировать к уроку') },
    ],
  },
  short_answer: {
    type: 'short_answer',
    prompt: kkru('«Қара сөздердің» авторы кім?', 'Кто автор «Слов назидания»?'),
    competencies: ['unesco-cft:5.1'],
    difficulty: 'easy',
    answers: [{ text: 'Абай Құнанбайұлы' }, { text: 'Абай', fraction: 1 }],
  },
  numeric: {
    type: 'numeric',
    prompt: kkru('π санын екі ондық таңбамен жазыңыз', 'Запишите π с двумя знаками'),
    competencies: ['unesco-cft:4.1'],
    difficulty: 'hard',
    answers: [{ value: 3.14, tolerance: 0.005 }],
  },
  essay: {
    type: 'essay',
    prompt: kkru('ЖИ құралын бағалаңыз', 'Оцените инструмент ИИ'),
    competencies: ['unesco-cft:2.1'],
    difficulty: 'hard',
    rubric: {
      criteria: [
        {
          id: 'argument',
          title: kkru('Дәлел', 'Аргументация'),
          levels: [
            { id: 'none', title: kkru('Жоқ', 'Нет'), points: 0 },
            { id: 'meets', title: kkru('Жеткілікті', 'Достаточно'), points: 2, meets: true },
            { id: 'exceeds', title: kkru('Үздік', 'Отлично'), points: 4, meets: true },
          ],
        },
        {
          id: 'privacy',
          title: kkru('Құпиялылық', 'Конфиденциальность'),
          levels: [
            { id: 'none', title: kkru('Жоқ', 'Нет'), points: 0 },
            { id: 'meets', title: kkru('Ескерілген', 'Учтена'), points: 2, meets: true },
          ],
        },
      ],
    },
  },
};

/** A bank with these items (keys = the record's keys), through the importer's storage. */
export async function createBank(
  app: NestFastifyApplication,
  items: Record<string, ItemDefinition> = ITEMS,
  key = uniqueSlug('bank'),
): Promise<{ key: string; id: string }> {
  const r = await app.get(DataSource).transaction((m) =>
    importBank(
      m,
      {
        key,
        title: { kk: 'Сынақ банкі', ru: 'Тестовый банк' },
        items: Object.entries(items).map(([k, d]) => ({
          key: k.replace(/_/g, '-'),
          definition: assignIds(d, (p) => `${k}-${p}`.replace(/[^A-Za-z0-9_-]/g, '')),
        })),
      },
      null,
      false,
    ),
  );
  return { key, id: r.bankId };
}

/** A published course whose final test is `test`, with a teacher enrolled. */
export async function courseWithTest(
  app: NestFastifyApplication,
  test: Partial<AssessmentDocument>,
): Promise<{
  slug: string;
  courseId: string;
  assessmentId: string;
  teacher: { id: string; token: string };
}> {
  const course = await publishCourse(app, { assessments: [assessmentDocument(test)] });
  const db = app.get(DataSource);
  const [a] = await db.query(
    `SELECT ca.id FROM course_assessments ca JOIN courses c ON c.published_version_id = ca.version_id
      WHERE c.id = $1 AND ca.key = $2`,
    [course.id, test.key ?? 'final-test'],
  );
  const teacher = await enrolledTeacher(app, course.slug);
  return { slug: course.slug, courseId: course.id, assessmentId: a.id, teacher };
}

export async function enrolledTeacher(
  app: NestFastifyApplication,
  slug: string,
): Promise<{ id: string; token: string }> {
  const t = await createTeacher(app);
  const res = await http(app).post(
    `/api/courses/${slug}/enrollments`,
    {},
    { token: t.accessToken },
  );
  if (res.status !== 201) throw new Error(`enrolment failed: ${JSON.stringify(res.body)}`);
  return { id: t.user.id, token: t.accessToken };
}
