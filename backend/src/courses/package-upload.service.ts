import { Injectable } from '@nestjs/common';
import type { CoursePackageReport } from '@qadam/contracts';
import { DomainError } from '../common/errors/domain-error';
import { CourseImportService } from './course-import.service';
import { loadCoursePackage } from './package/package-loader';
import { problemMessages, type PackageProblem } from './package/package-problems';
import { unpackPackage } from './package/package-upload';

/**
 * A course package uploaded from the console: checked exactly as `courses:check` checks one,
 * then imported as the course's draft (never published: it goes through review like the
 * editor's drafts). A package with problems imports nothing and names every problem.
 */
@Injectable()
export class PackageUploadService {
  constructor(private readonly importer: CourseImportService) {}

  async upload(actorId: string, zip: unknown): Promise<CoursePackageReport> {
    if (!Buffer.isBuffer(zip) || zip.length === 0) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
    const { dir, cleanup } = await unpackPackage(zip);
    try {
      const pkg = await loadCoursePackage(dir);
      if (!pkg.ok) {
        throw new DomainError(
          'PACKAGE_PROBLEMS',
          { count: pkg.problems.length },
          pkg.problems.map((p) => toDetail(p)),
        );
      }
      const result = await this.importer.import(pkg, false, actorId);
      return {
        slug: result.slug,
        outcome: result.outcome === 'published' ? 'updated' : result.outcome,
        version: result.version,
        banks: result.banks.map(({ bankId: _id, ...counts }) => counts),
        lessons: pkg.document.modules.reduce((n, m) => n + m.lessons.length, 0),
        items: pkg.banks.reduce((n, b) => n + b.items.length, 0),
      };
    } finally {
      await cleanup();
    }
  }
}

/** A problem as a field of the error body: `lessons/intro.kk.md:12`, inside the package. */
function toDetail(p: PackageProblem) {
  const file = p.file.slice(p.file.indexOf('/') + 1);
  return { field: `${file}:${p.line}`, rule: p.rule, message: problemMessages(p.rule, p.params) };
}
