/**
 * Competency codes a course may claim: UNESCO's AI competency framework for teachers
 * (`unesco-cft:<aspect 1-5>.<progression 1-3>`) and the ISTE Standards for Educators
 * (`iste-ed:2.<standard 1-7>`, optionally narrowed to an indicator `.a`–`.g`).
 * A regex source string, so the JSON Schema of course.yaml can use the same rule.
 */
export const COMPETENCY_CODE_PATTERN = '^(unesco-cft:[1-5]\\.[1-3]|iste-ed:2\\.[1-7](\\.[a-g])?)$';

const COMPETENCY_CODE = new RegExp(COMPETENCY_CODE_PATTERN);

export function isCompetencyCode(s: unknown): s is string {
  return typeof s === 'string' && COMPETENCY_CODE.test(s);
}
