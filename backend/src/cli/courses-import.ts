import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import type { Lang } from '@qadam/contracts';
import { Module } from '@nestjs/common';
import { CoreModule } from '../core.module';
import { CatalogCache } from '../courses/catalog-cache';
import { PublishingService } from '../courses/publishing.service';
import { ERRORS } from '../common/errors/catalog';
import { DomainError } from '../common/errors/domain-error';
import { localiseDetails } from '../common/errors/api-exception.filter';
import { fill, inLang, isLang } from '../common/i18n/lang';
import { CourseImportService } from '../courses/course-import.service';
import { findCoursePackages, loadCoursePackage } from '../courses/package/package-loader';
import { formatProblem } from '../courses/package/package-problems';

/** Only what importing needs: no HTTP, no queue workers. */
@Module({
  imports: [CoreModule],
  providers: [CourseImportService, PublishingService, CatalogCache],
})
class CoursesImportModule {}

const USAGE = `Usage: npm run courses:import -- [path] [--publish] [--if-empty] [--lang kk|ru|en]
  path        a package folder (with course.yaml) or a folder of packages; default: courses
  --publish   publish what is imported (otherwise it becomes the course's draft)
  --if-empty  import only into a database with no courses yet (used by npm start)
  --lang      language of the messages; default: en
Re-importing an unchanged package changes nothing. A package with problems imports nothing;
every problem is listed as file:line.`;

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** The whole command, callable in-process (the tests do) with its output captured. */
export async function runCoursesImport(args: string[], out: Output = console): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      publish: { type: 'boolean' },
      'if-empty': { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    out.log(USAGE);
    return 0;
  }
  const lang: Lang = isLang(values.lang) ? values.lang : 'en';
  const target = positionals[0] ?? 'courses';
  const dirs = await findCoursePackages(target);
  const loaded = await Promise.all(dirs.map((d) => loadCoursePackage(d)));
  let failed = 0;
  for (const pkg of loaded) {
    if (pkg.ok) continue;
    failed += 1;
    out.error(`✗ ${pkg.slug ?? pkg.dir}: ${pkg.problems.length} problem(s), nothing imported`);
    for (const p of pkg.problems) out.error(`  ${formatProblem(p, lang)}`);
  }

  const app = await NestFactory.createApplicationContext(CoursesImportModule, {
    logger: ['error'],
  });
  try {
    const importer = app.get(CourseImportService);
    if (values['if-empty'] && (await importer.courseCount()) > 0) {
      out.log('Courses are already in the database; nothing imported.');
      return 0;
    }
    for (const pkg of loaded) {
      if (!pkg.ok) continue;
      try {
        const r = await importer.import(pkg, values.publish ?? false);
        out.log(`✓ ${r.slug}: ${r.outcome} (version ${r.version})`);
        for (const b of r.banks) {
          out.log(
            `  bank ${b.key}: ${b.added} added, ${b.versioned} new versions, ${b.unchanged} unchanged, ${b.archived} archived`,
          );
        }
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        failed += 1;
        const details = e.details
          ? localiseDetails(e.details, lang).map((d) => ` ${d.field}: ${d.problem}`)
          : [];
        out.error(
          `✗ ${pkg.slug}: ${fill(ERRORS[e.code].message[lang], inLang(e.params, lang))}${details.join(';')}`,
        );
      }
    }
  } finally {
    await app.close();
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  runCoursesImport(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
