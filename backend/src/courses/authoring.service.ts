import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  AuthoringCourse,
  CourseDocument,
  CourseVersionInfo,
  LadderLevel,
  Role,
  TranslatableText,
  VersionStatus,
} from '@qadam/contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { violatedUniqueConstraint } from '../database/pg-errors';
import type { Actor } from '../ladder/ladder.service';
import { assertValidDocument, documentHash } from './course-document';
import { PublishingService } from './publishing.service';

export interface AuthorActor extends Actor {
  roles: Role[];
}

interface VersionRow {
  id: string;
  course_id: string;
  number: number;
  status: VersionStatus;
  source: 'editor' | 'package';
  document: CourseDocument;
  created_at: Date;
  submitted_at: Date | null;
  submitted_by: string | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_comment: string | null;
  published_at: Date | null;
}

const OPEN = `status IN ('draft', 'in_review', 'approved')`;

/**
 * The authoring workflow: authors edit a course's one open draft, submit it for review; another
 * author or an admin approves it or returns it with comments; an approved version is published
 * (frozen). Every step is audited.
 */
@Injectable()
export class AuthoringService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly publishing: PublishingService,
  ) {}

  async list(): Promise<AuthoringCourse[]> {
    const courses: { id: string; slug: string; level: LadderLevel; published_number: number }[] =
      await this.ds.query(
        `SELECT id, slug, level, published_number FROM courses ORDER BY slug LIMIT 1000`,
      );
    const versions: (VersionRow & { title: TranslatableText })[] = await this.ds.query(
      `SELECT id, course_id, number, status, source, created_at, submitted_at, submitted_by,
              reviewed_at, reviewed_by, review_comment, published_at, document->'title' AS title
         FROM course_versions WHERE ${OPEN} OR status = 'published'`,
    );
    return courses.map((c) => {
      const own = versions.filter((v) => v.course_id === c.id);
      const open = own.find((v) => v.status !== 'published');
      return {
        id: c.id,
        slug: c.slug,
        level: c.level,
        title: (open ?? own.find((v) => v.status === 'published'))?.title ?? {},
        publishedVersion: c.published_number,
        draft: open ? info(open) : null,
        versions: own.map(info),
      };
    });
  }

  async get(slug: string): Promise<AuthoringCourse> {
    const course = await this.course(this.ds.manager, slug);
    const versions: VersionRow[] = await this.ds.query(
      `SELECT id, course_id, number, status, source, document, created_at, submitted_at,
              submitted_by, reviewed_at, reviewed_by, review_comment, published_at
         FROM course_versions WHERE course_id = $1 ORDER BY number DESC`,
      [course.id],
    );
    const open = versions.find((v) => ['draft', 'in_review', 'approved'].includes(v.status));
    // With no draft open, the published version is where the next one starts (saving opens it).
    const base = open ?? versions.find((v) => v.status === 'published');
    return {
      id: course.id,
      slug: course.slug,
      level: course.level,
      title: base?.document?.title ?? {},
      publishedVersion: course.published_number,
      draft: open ? info(open) : null,
      ...(base ? { document: base.document } : {}),
      versions: versions.map(info),
    };
  }

  async create(actor: AuthorActor, slug: string, raw: unknown): Promise<AuthoringCourse> {
    const document = assertValidDocument(raw);
    await this.ds.transaction(async (m) => {
      let course: { id: string };
      try {
        [course] = await m.query(
          `INSERT INTO courses (slug, level, created_by) VALUES ($1, $2, $3) RETURNING id`,
          [slug, document.level, actor.id],
        );
      } catch (e) {
        if (violatedUniqueConstraint(e)) throw new DomainError('SLUG_TAKEN', { slug });
        throw e;
      }
      await this.insertVersion(m, course.id, 1, 'editor', slug, document, actor.id);
      await this.record(m, actor, 'course.create', slug, { version: 1, level: document.level });
    });
    return this.get(slug);
  }

  /** Replaces the open draft's document, or opens a new draft when there is none. */
  async saveDraft(actor: AuthorActor, slug: string, raw: unknown): Promise<AuthoringCourse> {
    const document = assertValidDocument(raw);
    await this.ds.transaction(async (m) => {
      const course = await this.course(m, slug, true);
      if (document.level !== course.level)
        throw DomainError.invalid('level', 'course.level-fixed', { level: course.level });
      const open = await this.openVersion(m, course.id);
      if (open && open.status !== 'draft') throw new DomainError('DRAFT_LOCKED');
      if (open) {
        await m.query(
          `UPDATE course_versions SET document = $2, content_hash = $3, source = 'editor'
            WHERE id = $1`,
          [open.id, document, documentHash(slug, document)],
        );
      } else {
        const number = await this.nextNumber(m, course.id);
        await this.insertVersion(m, course.id, number, 'editor', slug, document, actor.id);
      }
      await this.record(m, actor, 'course.draft.update', slug, {
        version: open?.number ?? null,
      });
    });
    return this.get(slug);
  }

  async discardDraft(actor: AuthorActor, slug: string): Promise<AuthoringCourse> {
    await this.ds.transaction(async (m) => {
      const course = await this.course(m, slug, true);
      const open = await this.openVersion(m, course.id);
      if (!open) throw new DomainError('NO_DRAFT');
      if (open.status !== 'draft') throw new DomainError('DRAFT_LOCKED');
      await m.query(`DELETE FROM course_versions WHERE id = $1`, [open.id]);
      await this.record(m, actor, 'course.draft.discard', slug, { version: open.number });
    });
    return this.get(slug);
  }

  async submit(actor: AuthorActor, slug: string): Promise<AuthoringCourse> {
    await this.ds.transaction(async (m) => {
      const course = await this.course(m, slug, true);
      const open = await this.openVersion(m, course.id);
      if (!open) throw new DomainError('NO_DRAFT');
      if (open.status !== 'draft') throw new DomainError('DRAFT_LOCKED');
      await m.query(
        `UPDATE course_versions SET status = 'in_review', submitted_by = $2, submitted_at = now(),
                reviewed_by = NULL, reviewed_at = NULL
          WHERE id = $1`,
        [open.id, actor.id],
      );
      await this.record(m, actor, 'course.draft.submit', slug, { version: open.number });
    });
    return this.get(slug);
  }

  async review(
    actor: AuthorActor,
    slug: string,
    decision: 'approve' | 'return',
    comment: string | null,
  ): Promise<AuthoringCourse> {
    await this.ds.transaction(async (m) => {
      const course = await this.course(m, slug, true);
      const open = await this.openVersion(m, course.id);
      if (!open) throw new DomainError('NO_DRAFT');
      if (open.status !== 'in_review') throw new DomainError('NOT_IN_REVIEW');
      if (open.submitted_by === actor.id && !actor.roles.includes('admin'))
        throw new DomainError('SELF_REVIEW');
      await m.query(
        `UPDATE course_versions SET status = $2, reviewed_by = $3, reviewed_at = now(),
                review_comment = $4
          WHERE id = $1`,
        [open.id, decision === 'approve' ? 'approved' : 'draft', actor.id, comment],
      );
      await this.record(
        m,
        actor,
        decision === 'approve' ? 'course.draft.approve' : 'course.draft.return',
        slug,
        { version: open.number, comment },
      );
    });
    return this.get(slug);
  }

  async publish(actor: AuthorActor, slug: string): Promise<AuthoringCourse> {
    await this.ds.transaction(async (m) => {
      const course = await this.course(m, slug, true);
      const open = await this.openVersion(m, course.id);
      if (!open) throw new DomainError('NO_DRAFT');
      if (open.status !== 'approved') throw new DomainError('NOT_APPROVED');
      await this.publishing.publish(
        m,
        { id: open.id, courseId: course.id, number: open.number, document: open.document },
        actor,
      );
    });
    return this.get(slug);
  }

  private async course(
    m: EntityManager,
    slug: string,
    lock = false,
  ): Promise<{ id: string; slug: string; level: LadderLevel; published_number: number | null }> {
    const [row] = await m.query(
      `SELECT id, slug, level, published_number FROM courses WHERE slug = $1${lock ? ' FOR UPDATE' : ''}`,
      [slug],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    return row;
  }

  private async openVersion(m: EntityManager, courseId: string): Promise<VersionRow | null> {
    const [row] = await m.query(
      `SELECT id, number, status, source, document, submitted_by FROM course_versions
        WHERE course_id = $1 AND ${OPEN}`,
      [courseId],
    );
    return row ?? null;
  }

  private async nextNumber(m: EntityManager, courseId: string): Promise<number> {
    const [row] = await m.query(
      `SELECT coalesce(max(number), 0) + 1 AS next FROM course_versions WHERE course_id = $1`,
      [courseId],
    );
    return Number(row.next);
  }

  private async insertVersion(
    m: EntityManager,
    courseId: string,
    number: number,
    source: 'editor' | 'package',
    slug: string,
    document: CourseDocument,
    createdBy: string | null,
  ): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO course_versions (course_id, number, status, source, document, content_hash,
                                    created_by)
       VALUES ($1, $2, 'draft', $3, $4, $5, $6) RETURNING id`,
      [courseId, number, source, document, documentHash(slug, document), createdBy],
    );
    return row.id;
  }

  private record(
    m: EntityManager,
    actor: Actor,
    action: string,
    slug: string,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        actorId: actor.id,
        action,
        targetType: 'course',
        targetId: slug,
        after,
        requestId: actor.requestId,
      },
      m,
    );
  }
}

function info(v: VersionRow): CourseVersionInfo {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    source: v.source,
    createdAt: v.created_at.toISOString(),
    submittedAt: iso(v.submitted_at),
    submittedBy: v.submitted_by,
    reviewedAt: iso(v.reviewed_at),
    reviewedBy: v.reviewed_by,
    reviewComment: v.review_comment,
    publishedAt: iso(v.published_at),
  };
}
