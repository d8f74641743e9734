import type { CourseDocument } from '@qadam/contracts';

const LEVEL: Record<string, string> = { acquire: 'Acquire', deepen: 'Deepen', create: 'Create' };
const ORDER = ['acquire', 'deepen', 'create'];

/** docs/COURSES.md, generated from the packages (so it cannot drift from them). */
export function coursesDoc(courses: { slug: string; document: CourseDocument }[]): string {
  const sorted = [...courses].sort(
    (a, b) =>
      ORDER.indexOf(a.document.level) - ORDER.indexOf(b.document.level) ||
      a.slug.localeCompare(b.slug),
  );
  const out: string[] = [
    '# Courses',
    '',
    '<!-- Generated from courses/*/ by `npm run courses:check -- --write`; do not edit by hand. -->',
    '',
    'The course packages shipped in `courses/`, imported into the catalog on the first `npm start`',
    '(or with `npm run courses:import -- --publish`). Titles are given in English; every course is',
    'complete in Kazakh and Russian.',
    '',
    '| course | level | kind | hours | modules | lessons | assessments | competencies |',
    '| --- | --- | --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const { slug, document: d } of sorted) {
    const lessons = d.modules.reduce((n, m) => n + m.lessons.length, 0);
    const assessments = d.assessments.map((a) => `${a.key} (${a.kind})`).join(', ');
    out.push(
      `| [${d.title.en ?? d.title.ru ?? slug}](#${slug}) \`${slug}\` | ${LEVEL[d.level]} | ${d.kind ?? ''} | ${d.hours ?? ''} | ${d.modules.length} | ${lessons} | ${assessments} | ${d.competencies.join(', ')} |`,
    );
  }
  for (const { slug, document: d } of sorted) {
    out.push(
      '',
      `## ${slug}`,
      '',
      `**${d.title.en ?? ''}** — ${d.title.kk ?? ''} / ${d.title.ru ?? ''}`,
      '',
    );
    out.push('| module | lessons | minutes | competencies |', '| --- | ---: | ---: | --- |');
    for (const m of d.modules) {
      const codes = [...new Set(m.lessons.flatMap((l) => l.competencies))].sort();
      const minutes = m.lessons.reduce((n, l) => n + l.minutes, 0);
      out.push(
        `| ${m.title.en ?? m.title.ru ?? m.key} | ${m.lessons.length} | ${minutes} | ${codes.join(', ')} |`,
      );
    }
  }
  out.push(
    '',
    '## Adding a course',
    '',
    '1. Make a folder `courses/<slug>/` with `course.yaml`, `lessons/<key>.<lang>.md` for every lesson',
    '   and language, and `banks/*.yaml` for its questions; the format is in `courses/README.md`.',
    '2. Tag every lesson, item and rubric criterion with codes of the frameworks',
    "   (`GET /api/frameworks/unesco-cft`, `GET /api/frameworks/iste-ed`) and cite every lesson's sources.",
    '3. Run `npm run courses:check`: it lists every problem as file:line (a missing translation, an',
    '   untagged lesson or item, a lesson citing no source, an item without a key, a bank too small',
    '   for its draws, a reference to a file, bank or item that is not there);',
    '   `npm run courses:check -- --write` then regenerates this file.',
    '4. `npm run courses:import -- courses/<slug>` imports it as a draft (add `--publish` to publish).',
    '',
  );
  return out.join('\n');
}
