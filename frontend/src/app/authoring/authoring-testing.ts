import type {
  AuthoringCourse,
  CourseDocument,
  CourseVersionInfo,
  FrameworkSummary,
  FrameworkView,
} from '@qadam/contracts';
import { ApiError } from '../core/api-client';

/**
 * For the authoring specs only: an `ApiClient` stand-in that answers the authoring endpoints from
 * memory and records every request, so a test can check exactly what the page sent.
 */
export interface Call {
  method: string;
  url: string;
  body?: unknown;
}

export function version(o: Partial<CourseVersionInfo> = {}): CourseVersionInfo {
  return {
    id: `v${o.number ?? 1}`,
    number: 1,
    status: 'draft',
    source: 'editor',
    createdAt: '2026-11-02T09:00:00Z',
    submittedAt: null,
    submittedBy: null,
    reviewedAt: null,
    reviewedBy: null,
    reviewComment: null,
    publishedAt: null,
    ...o,
  };
}

export function sampleDocument(): CourseDocument {
  return {
    level: 'acquire',
    kind: 'mooc',
    languages: ['kk', 'ru'],
    hours: 12,
    title: { kk: 'ЖИ негіздері', ru: 'Основы ИИ' },
    description: { kk: 'Қысқа курс.' },
    audience: {},
    competencies: ['unesco-cft:1.1'],
    modules: [
      {
        key: 'intro',
        title: { kk: 'Кіріспе', ru: 'Введение' },
        lessons: [
          {
            key: 'welcome',
            title: { kk: 'Қош келдіңіз', ru: 'Добро пожаловать' },
            minutes: 5,
            required: true,
            competencies: ['unesco-cft:1.1'],
            sources: [{ title: 'UNESCO (2024)', url: 'https://doi.org/10.54675/ZJTE2084' }],
            body: { kk: '# Сәлем', ru: '# Привет' },
          },
          {
            key: 'prompts',
            title: { kk: 'Промпттар', ru: 'Промпты' },
            minutes: 10,
            required: false,
            competencies: [],
            sources: [],
            body: { kk: 'Мәтін', ru: 'Текст' },
          },
        ],
      },
    ],
    assessments: [
      {
        key: 'final',
        kind: 'final',
        title: { kk: 'Қорытынды тест', ru: 'Итоговый тест' },
        passMark: 70,
        timeLimitMinutes: 30,
        attemptsAllowed: 2,
        required: true,
        module: null,
        competencies: ['iste-ed:2.5.b'],
        sections: [{ key: 'all', draw: { bank: 'final', count: 20 } }],
        availableFrom: null,
        availableUntil: null,
        shuffleItems: true,
        shuffleOptions: true,
        layout: 'one_per_page',
        review: { shows: 'score', from: 'submit' },
      },
    ],
  };
}

export function sampleCourse(o: Partial<AuthoringCourse> = {}): AuthoringCourse {
  const draft = o.draft === undefined ? version() : o.draft;
  return {
    id: 'c1',
    slug: 'ai-basics',
    level: 'acquire',
    title: sampleDocument().title,
    publishedVersion: null,
    draft,
    document: sampleDocument(),
    versions: draft ? [draft] : [],
    ...o,
  };
}

const FRAMEWORKS: FrameworkSummary[] = [
  {
    code: 'unesco-cft',
    version: '2024',
    title: { kk: 'ЮНЕСКО: мұғалімдердің ЖИ құзыреттері', en: 'UNESCO AI CFT' },
    publisher: 'UNESCO',
    url: 'https://unesdoc.unesco.org',
    licence: null,
    source: 'bundled',
    competencies: 3,
  },
  {
    code: 'iste-ed',
    version: '2017',
    title: { kk: 'ISTE: педагогтерге арналған стандарттар', en: 'ISTE Educators' },
    publisher: 'ISTE',
    url: 'https://iste.org',
    licence: null,
    source: 'bundled',
    competencies: 2,
  },
];

const item = (code: string, kind: string, kk: string, level: string | null = null) => ({
  code,
  framework: code.split(':')[0],
  localCode: code.split(':')[1],
  kind,
  parent: null,
  level,
  name: { kk, en: kk },
  description: {},
  aliases: [],
  goals: [],
});

const VIEWS: Record<string, FrameworkView> = {
  'unesco-cft': {
    ...FRAMEWORKS[0],
    citation: null,
    items: [
      item('unesco-cft:1', 'aspect', 'Адамға бағытталған ойлау'),
      item('unesco-cft:1.1', 'block', 'Адамның бастамасы', 'acquire'),
      item('unesco-cft:3.1', 'block', 'ЖИ-дің негізгі әдістері', 'acquire'),
    ],
  },
  'iste-ed': {
    ...FRAMEWORKS[1],
    citation: null,
    items: [
      item('iste-ed:2.5', 'standard', 'Жобалаушы'),
      item('iste-ed:2.5.b', 'indicator', 'Оқу ортасын жобалау'),
    ],
  },
};

/** Answers like the API; `fail` makes the next request to a matching URL throw. */
export class FakeApi {
  readonly calls: Call[] = [];
  courses: AuthoringCourse[];
  private failures: { match: (c: Call) => boolean; error: ApiError }[] = [];

  constructor(...courses: AuthoringCourse[]) {
    this.courses = courses;
  }

  fail(method: string, urlPart: string, error: ApiError): void {
    this.failures.push({ match: (c) => c.method === method && c.url.includes(urlPart), error });
  }

  /** The requests that changed something (not reads or previews). */
  writes(): Call[] {
    return this.calls.filter((c) => c.method !== 'GET' && !c.url.endsWith('/preview'));
  }

  readonly get = (path: string) => this.request('GET', path);

  readonly catalog = async () => ({ items: [], total: 0, page: 1, pageSize: 50 });

  readonly request = async (method: string, url: string, body?: unknown): Promise<unknown> => {
    const call = { method, url, body: body === undefined ? undefined : clone(body) };
    this.calls.push(call);
    const failure = this.failures.find((f) => f.match(call));
    if (failure) {
      this.failures = this.failures.filter((f) => f !== failure);
      throw failure.error;
    }
    if (url === '/api/frameworks') return FRAMEWORKS;
    if (url.startsWith('/api/frameworks/')) return VIEWS[url.split('/').pop()!];
    if (url === '/api/authoring/preview') {
      const md = (body as { markdown: string }).markdown;
      return { html: md.replace(/^# (.*)$/m, '<h1>$1</h1>') };
    }
    if (url === '/api/authoring/courses') {
      if (method === 'GET') return clone(this.courses.map(({ document: _d, ...c }) => c));
      const { slug, document } = body as { slug: string; document: CourseDocument };
      const created = sampleCourse({ slug, document, level: document.level });
      this.courses.push(created);
      return clone(created);
    }
    const m = /^\/api\/authoring\/courses\/([^/]+)(\/draft(?:\/(\w+))?)?$/.exec(url)!;
    const course = this.courses.find((c) => c.slug === decodeURIComponent(m[1]))!;
    const draft = course.draft!;
    if (method === 'PUT')
      course.document = reordered((body as { document: CourseDocument }).document);
    else if (method === 'DELETE') course.draft = null;
    else if (m[3] === 'submit') Object.assign(draft, { status: 'in_review', reviewedAt: null });
    else if (m[3] === 'review') {
      const r = body as { decision: string; comment?: string };
      Object.assign(draft, {
        status: r.decision === 'approve' ? 'approved' : 'draft',
        reviewedAt: '2026-11-05T10:00:00Z',
        reviewComment: r.comment ?? null,
      });
    } else if (m[3] === 'publish') {
      Object.assign(draft, { status: 'published' });
      course.publishedVersion = draft.number;
      course.draft = null;
    }
    return clone(course);
  };
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** The server keeps documents in jsonb, which does not keep key order: neither does this. */
function reordered<T>(v: T): T {
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).reverse())
        : x,
    ),
  ) as T;
}
