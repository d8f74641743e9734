import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CourseDocument } from '@qadam/contracts';
import type { PackageProblem } from './package-problems';
import { parseYaml } from './package-loader';

/**
 * The content bar a shipped course must meet beyond what any package must (`loadCoursePackage`,
 * which already refuses a missing translation or lesson file, an item without a key, a section
 * naming a bank or item that is not there, a bank too small for its draws and any link that is
 * not an absolute http(s) URL): every lesson tagged with competencies and citing its sources.
 * `dir` is the package folder; problems are at their file and line.
 */
export function contentProblems(dir: string, document: CourseDocument): PackageProblem[] {
  const folder = path.basename(dir);
  const problems: PackageProblem[] = [];
  const courseFile = `${folder}/course.yaml`;
  const parsed = parseYaml(readFileSync(path.join(dir, 'course.yaml'), 'utf8'), courseFile, []);
  if (!parsed) return problems; // the loader has reported it
  const { lines } = parsed;
  document.modules.forEach((m, mi) =>
    m.lessons.forEach((l, li) => {
      const at = lines.lineOf(['modules', mi, 'lessons', li]);
      if (l.competencies.length === 0) {
        problems.push({
          file: courseFile,
          line: at,
          rule: 'content.untagged-lesson',
          params: { lesson: l.key },
        });
      }
      if (l.sources.length === 0) {
        problems.push({
          file: courseFile,
          line: at,
          rule: 'content.no-sources',
          params: { lesson: l.key },
        });
      }
    }),
  );
  return problems;
}
