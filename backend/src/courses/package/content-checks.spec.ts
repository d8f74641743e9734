import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentProblems } from './content-checks';
import { coursesDoc } from './courses-doc';
import { loadCoursePackage } from './package-loader';

const FIXTURES = path.join(__dirname, '__fixtures__');

async function copy(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'qadam-content-'));
  const dir = path.join(root, 'good-course');
  await fs.cp(path.join(FIXTURES, 'good-course'), dir, { recursive: true });
  return dir;
}

async function check(dir: string) {
  const loaded = await loadCoursePackage(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return contentProblems(dir, loaded.document).map(
    (p) => `${p.file}:${p.line} ${p.rule} ${JSON.stringify(p.params)}`,
  );
}

describe('contentProblems', () => {
  // The fixture's other lessons are untagged on purpose (the loader accepts them; a shipped
  // course may not), so the tests look at one lesson.
  it('passes a lesson that is tagged and cites its sources', async () => {
    const problems = await check(await copy());
    expect(problems.filter((p) => p.includes('what-is-generative-ai'))).toEqual([]);
    expect(problems).toContain(
      'good-course/course.yaml:28 content.untagged-lesson {"lesson":"writing-prompts"}',
    );
  });

  it('reports an untagged lesson and a lesson without sources at file:line', async () => {
    const dir = await copy();
    const yamlFile = path.join(dir, 'course.yaml');
    const yaml = await fs.readFile(yamlFile, 'utf8');
    await fs.writeFile(
      yamlFile,
      yaml
        .replace('        competencies: [unesco-cft:3.1]\n', '')
        .replace(
          "        sources:\n          - title: 'UNESCO (2024). AI competency framework for teachers.'\n            url: https://doi.org/10.54675/ZJTE2084\n",
          '',
        ),
    );
    expect((await check(dir)).filter((p) => p.includes('what-is-generative-ai'))).toEqual([
      'good-course/course.yaml:19 content.untagged-lesson {"lesson":"what-is-generative-ai"}',
      'good-course/course.yaml:19 content.no-sources {"lesson":"what-is-generative-ai"}',
    ]);
  });
});

describe('coursesDoc', () => {
  it('tabulates the packages with modules, hours and competencies', async () => {
    const loaded = await loadCoursePackage(path.join(FIXTURES, 'good-course'));
    if (!loaded.ok) throw new Error('fixture');
    const doc = coursesDoc([{ slug: loaded.slug, document: loaded.document }]);
    expect(doc).toContain(
      '| course | level | kind | hours | modules | lessons | assessments | competencies |',
    );
    expect(doc).toContain(`## ${loaded.slug}`);
    expect(doc).toContain('unesco-cft:1.1, iste-ed:2.1.a');
    expect(doc).toContain('## Adding a course');
  });
});
