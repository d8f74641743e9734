import Ajv from 'ajv';
import type { CourseDocument, Lang, TranslatableText } from '@qadam/contracts';
import { isLang, LANGS } from '../common/i18n/lang';
import { DomainError, RawFieldProblem } from '../common/errors/domain-error';
import { findMarkdownProblems } from './markdown';
import { COURSE_DOCUMENT_SCHEMA } from './package/course-package.schema';
import {
  buildDocument,
  checkCourse,
  courseContentHash,
  Emit,
  isRecord,
  list,
  normaliseText,
  Path,
  RawCourse,
  reportSchemaError,
} from './package/package-loader';
import { problemMessages } from './package/package-problems';

const validate = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true }).compile(
  COURSE_DOCUMENT_SCHEMA,
);

/** `modules[0].lessons[1].title.kk`, as the API names fields. */
export function fieldOf(path: Path): string {
  return path.reduce<string>(
    (acc, s) =>
      typeof s === 'number' || /^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s,
    '',
  );
}

/**
 * Checks a course document from the authoring API with the same schema and rules as a package
 * (so the editor and `courses/` cannot drift apart), and returns it with defaults applied.
 * Problems come back as one 400 listing every field.
 */
export function assertValidDocument(raw: unknown): CourseDocument {
  const problems: RawFieldProblem[] = [];
  const emit: Emit = (path, rule, params = {}) => {
    const message = problemMessages(rule, params);
    problems.push({ field: fieldOf(path) || 'document', rule, params, message });
  };
  const valid = validate(raw);
  for (const e of validate.errors ?? []) reportSchemaError(e, emit);
  checkCourse(raw, '', emit);

  const root = isRecord(raw) ? raw : {};
  const languages = [...new Set(list(root.languages).filter(isLang))] as Lang[];
  const bodies = new Map<string, TranslatableText>();
  list(root.modules).forEach((m, i) =>
    list(isRecord(m) ? m.lessons : []).forEach((l, j) => {
      if (!isRecord(l) || typeof l.key !== 'string' || !isRecord(l.body)) return;
      const at: Path = ['modules', i, 'lessons', j, 'body'];
      const body: TranslatableText = {};
      for (const lang of LANGS) {
        const text = l.body[lang];
        if (typeof text !== 'string') {
          if (languages.includes(lang))
            emit([...at, lang], 'package.missing-body', { file: '', lang });
          continue;
        }
        body[lang] = normaliseText(text);
        for (const p of findMarkdownProblems(body[lang]))
          emit([...at, lang], p.rule as never, { ...p.params, line: p.line });
      }
      bodies.set(l.key, body);
    }),
  );
  if (!valid || problems.length) throw new DomainError('VALIDATION_FAILED', {}, problems);
  return buildDocument(raw as RawCourse, bodies);
}

export const documentHash = courseContentHash;
