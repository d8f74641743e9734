import { bundledDocuments } from '../competencies/framework-document';

/** The kinds of competency a lesson, item, rubric criterion or course may be tagged with. */
const TAGGABLE = new Set(['block', 'standard', 'indicator']);

/**
 * Every competency code a course package may use: the blocks, standards and indicators of the
 * bundled frameworks (`competencies/frameworks/*.yaml`), e.g. `unesco-cft:4.2`, `iste-ed:2.5.b`.
 * Read once, when first needed.
 */
let known: Set<string> | undefined;
export function knownCompetencyCodes(): Set<string> {
  known ??= new Set(
    bundledDocuments().frameworks.flatMap((f) =>
      f.competencies.filter((c) => TAGGABLE.has(c.kind)).map((c) => `${f.code}:${c.code}`),
    ),
  );
  return known;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The same list as a regex source string, so the JSON Schemas of course.yaml and of items reject
 * an unknown code where it stands (file and line), not only a malformed one.
 */
export const COMPETENCY_CODE_PATTERN = `^(${[...knownCompetencyCodes()].map(escape).join('|')})$`;

export function isCompetencyCode(s: unknown): s is string {
  return typeof s === 'string' && knownCompetencyCodes().has(s);
}
