import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CourseDocument } from '@qadam/contracts';
import { contentProblems } from '../courses/package/content-checks';
import { coursesDoc } from '../courses/package/courses-doc';
import { findCoursePackages, loadCoursePackage } from '../courses/package/package-loader';
import { formatProblem, type PackageProblem } from '../courses/package/package-problems';

const ROOT = path.resolve(__dirname, '../../..');
const DOC = path.join(ROOT, 'docs/COURSES.md');

/**
 * `npm run courses:check` (part of `npm test`): every package in courses/ loads (the importer's
 * checks: schema, translations, keys, banks large enough for their draws), meets the content bar
 * (lessons tagged and citing their sources), and docs/COURSES.md matches them.
 * `--write` regenerates docs/COURSES.md.
 */
export async function runCoursesCheck(
  args: string[],
  out: { log(l: string): void; error(l: string): void } = console,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { write: { type: 'boolean' }, lang: { type: 'string' } },
  });
  const lang = values.lang === 'kk' || values.lang === 'ru' ? values.lang : 'en';
  const target = path.resolve(positionals[0] ?? path.join(ROOT, 'courses'));
  const problems: PackageProblem[] = [];
  const courses: { slug: string; document: CourseDocument }[] = [];
  for (const dir of await findCoursePackages(target)) {
    const loaded = await loadCoursePackage(dir);
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    problems.push(...contentProblems(dir, loaded.document));
    courses.push({ slug: loaded.slug, document: loaded.document });
  }
  const doc = coursesDoc(courses);
  if (values.write) {
    writeFileSync(DOC, doc);
    out.log(`wrote ${path.relative(ROOT, DOC)}`);
  } else if (positionals.length === 0 && readIfExists(DOC) !== doc) {
    problems.push({
      file: 'docs/COURSES.md',
      line: 1,
      rule: 'content.courses-doc-stale',
      params: {},
    });
  }
  for (const p of problems) out.error(formatProblem(p, lang));
  out.log(`${courses.length} course package(s) checked, ${problems.length} problem(s).`);
  return problems.length === 0 ? 0 : 1;
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

if (require.main === module) {
  runCoursesCheck(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
