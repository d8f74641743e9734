import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CourseDocument } from '@qadam/contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { BankImportResult, BankDocument, importBank } from '../assessments/item-store';
import { PublishingService } from './publishing.service';

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'published';

export interface ImportResult {
  slug: string;
  outcome: ImportOutcome;
  version: number;
  banks: BankImportResult[];
}

export interface PackageToImport {
  slug: string;
  document: CourseDocument;
  hash: string;
  banks?: BankDocument[];
}

/**
 * Brings a checked course package into the database. Idempotent: a package whose content is
 * already the course's latest version changes nothing; a changed one becomes the course's
 * draft (a new version, or the package's own earlier draft updated in place); with `publish` it
 * is published at once (the package went through review where it was written).
 */
@Injectable()
export class CourseImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly publishing: PublishingService,
  ) {}

  /** `actorId`: who uploaded it from the console; null for the CLI (the installation itself). */
  async import(
    pkg: PackageToImport,
    publish: boolean,
    actorId: string | null = null,
  ): Promise<ImportResult> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`course-import:${pkg.slug}`]);
      // Banks first: the course's sections are checked against them when it is published. A
      // package owns its banks, so items it no longer lists are archived (never deleted).
      const banks: BankImportResult[] = [];
      for (const bank of pkg.banks ?? []) {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`bank-import:${bank.key}`]);
        banks.push(await importBank(m, bank, null, true));
      }
      if (banks.some((b) => b.created || b.added || b.versioned || b.archived)) {
        await this.audit.record(
          {
            actorId,
            action: 'bank.import.package',
            targetType: 'course',
            targetId: pkg.slug,
            after: { banks: banks.map(({ bankId: _id, ...counts }) => counts) },
          },
          m,
        );
      }
      let [course] = await m.query(`SELECT id, level FROM courses WHERE slug = $1 FOR UPDATE`, [
        pkg.slug,
      ]);
      let created = false;
      if (!course) {
        [course] = await m.query(
          `INSERT INTO courses (slug, level) VALUES ($1, $2) RETURNING id, level`,
          [pkg.slug, pkg.document.level],
        );
        created = true;
      } else if (course.level !== pkg.document.level) {
        throw new DomainError('VALIDATION_FAILED', {}, [
          { field: 'level', rule: 'course.level-fixed', params: { level: course.level } },
        ]);
      }
      const [latest] = await m.query(
        `SELECT id, number, status, source, content_hash FROM course_versions
          WHERE course_id = $1 ORDER BY number DESC LIMIT 1`,
        [course.id],
      );
      const open = latest && ['draft', 'in_review', 'approved'].includes(latest.status);
      let version: { id: string; number: number };
      let outcome: ImportOutcome;

      if (latest && latest.content_hash === pkg.hash) {
        if (!publish || !open)
          return { slug: pkg.slug, outcome: 'unchanged', version: latest.number, banks };
        version = latest;
        outcome = 'published';
      } else if (open) {
        // Only the package's own untouched draft may be replaced; an author's work never is.
        if (latest.source !== 'package' || latest.status !== 'draft')
          throw new DomainError('DRAFT_FROM_EDITOR', { slug: pkg.slug });
        await m.query(`UPDATE course_versions SET document = $2, content_hash = $3 WHERE id = $1`, [
          latest.id,
          pkg.document,
          pkg.hash,
        ]);
        version = latest;
        outcome = 'updated';
      } else {
        const number = (latest?.number ?? 0) + 1;
        [version] = await m.query(
          `INSERT INTO course_versions (course_id, number, status, source, document, content_hash)
           VALUES ($1, $2, 'draft', 'package', $3, $4) RETURNING id, number`,
          [course.id, number, pkg.document, pkg.hash],
        );
        outcome = created ? 'created' : 'updated';
      }
      await this.audit.record(
        {
          actorId,
          action: 'course.import',
          targetType: 'course',
          targetId: pkg.slug,
          after: { version: version.number, hash: pkg.hash, publish },
        },
        m,
      );
      if (publish) {
        await this.publishing.publish(
          m,
          { id: version.id, courseId: course.id, number: version.number, document: pkg.document },
          null,
          'course.import.publish',
        );
        outcome = 'published';
      }
      return { slug: pkg.slug, outcome, version: version.number, banks };
    });
  }

  async courseCount(): Promise<number> {
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM courses`);
    return row.n;
  }
}
