import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CourseDocument, Lang, TranslatableText } from '@qadam/contracts';
import { checkSections } from '../assessments/bank-pools';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import type { Actor } from '../ladder/ladder.service';
import { CatalogCache } from './catalog-cache';
import { renderLessonMarkdown } from './markdown';

/** The version row columns publishing needs. */
export interface VersionToPublish {
  id: string;
  courseId: string;
  number: number;
  document: CourseDocument;
}

/**
 * Freezes a version: materialises its modules, lessons (Markdown rendered and sanitised once)
 * and assessments, supersedes the previously published version, and refreshes the catalog's
 * copy on the course row. Runs inside the caller's transaction.
 */
@Injectable()
export class PublishingService {
  constructor(
    private readonly audit: AuditService,
    private readonly catalogCache: CatalogCache,
  ) {}

  async publish(
    m: EntityManager,
    version: VersionToPublish,
    actor: Actor | null,
    action = 'course.version.publish',
  ): Promise<void> {
    const doc = version.document;
    // A test that could not be started (unknown bank or item, too few items to draw) is not
    // published; the author gets every such section listed.
    const problems = await checkSections(m, doc.assessments);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', {}, problems);
    const [course] = await m.query(`SELECT id, slug FROM courses WHERE id = $1 FOR UPDATE`, [
      version.courseId,
    ]);
    await m.query(
      `UPDATE course_versions SET status = 'superseded'
        WHERE course_id = $1 AND status = 'published'`,
      [version.courseId],
    );
    await m.query(
      `UPDATE course_versions SET status = 'published', published_at = now(), published_by = $2
        WHERE id = $1`,
      [version.id, actor?.id ?? null],
    );

    let lessonPosition = 0;
    for (const [mi, mod] of doc.modules.entries()) {
      const [row] = await m.query(
        `INSERT INTO course_modules (version_id, key, position, title) VALUES ($1, $2, $3, $4)
         RETURNING id`,
        [version.id, mod.key, mi, mod.title],
      );
      if (mod.lessons.length === 0) continue;
      // One multi-row insert per module.
      const values: unknown[] = [];
      const tuples = mod.lessons.map((l, li) => {
        const base = li * 10;
        values.push(
          version.id,
          row.id,
          l.key,
          lessonPosition++,
          l.title,
          l.minutes,
          l.required,
          l.competencies,
          JSON.stringify(l.sources),
          renderBodies(l.body),
        );
        return `(${Array.from({ length: 10 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
      });
      await m.query(
        `INSERT INTO lessons (version_id, module_id, key, position, title, minutes, required,
                              competencies, sources, body_html)
         VALUES ${tuples.join(', ')}`,
        values,
      );
    }
    for (const [ai, a] of doc.assessments.entries()) {
      await m.query(
        `INSERT INTO course_assessments (version_id, key, position, kind, title, pass_mark,
           time_limit_minutes, attempts_allowed, required, module_key, competencies, sections,
           available_from, available_until, shuffle_items, shuffle_options, layout,
           review_shows, review_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                 $18, $19)`,
        [
          version.id,
          a.key,
          ai,
          a.kind,
          a.title,
          a.passMark,
          a.timeLimitMinutes,
          a.attemptsAllowed,
          a.required,
          a.module,
          a.competencies,
          // Documents saved before sections existed have none of these fields.
          JSON.stringify(a.sections ?? []),
          a.availableFrom ?? null,
          a.availableUntil ?? null,
          a.shuffleItems ?? false,
          a.shuffleOptions ?? true,
          a.layout ?? 'one_per_page',
          a.review?.shows ?? 'score',
          a.review?.from ?? 'submit',
        ],
      );
    }

    await m.query(
      `UPDATE courses SET published_version_id = $2, published_number = $3, published_at = now(),
              kind = $4, languages = $5, hours = $6, title = $7, description = $8,
              competencies = $9, search_text = $10
        WHERE id = $1`,
      [
        version.courseId,
        version.id,
        version.number,
        doc.kind,
        doc.languages,
        doc.hours,
        doc.title,
        doc.description,
        doc.competencies,
        searchText(doc),
      ],
    );
    this.catalogCache.clear();
    await this.audit.record(
      {
        actorId: actor?.id ?? null,
        action,
        targetType: 'course',
        targetId: course.slug,
        after: { version: version.number, versionId: version.id },
        requestId: actor?.requestId ?? null,
      },
      m,
    );
  }
}

function renderBodies(body: TranslatableText): TranslatableText {
  const out: TranslatableText = {};
  for (const [lang, md] of Object.entries(body) as [Lang, string][]) {
    if (md) out[lang] = renderLessonMarkdown(md);
  }
  return out;
}

/** Titles and descriptions in every language, lower-cased, for the trigram index. */
export function searchText(doc: Pick<CourseDocument, 'title' | 'description'>): string {
  return [doc.title, doc.description]
    .flatMap((t) => Object.values(t))
    .filter(Boolean)
    .join(' \n ')
    .toLowerCase();
}
