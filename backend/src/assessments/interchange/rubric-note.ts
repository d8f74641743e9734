import type { Rubric, RubricCriterion, RubricLevel, TranslatableText } from '@qadam/contracts';
import { isCompetencyCode } from '../../courses/competency-codes';

/**
 * Moodle essays have no rubric, so an exported essay or task carries its rubric twice in the
 * grader information: readable for Moodle's graders, and as base64 JSON in an HTML comment so a
 * Qadam import gets the exact rubric back. The comment is untrusted input like the rest of the
 * file: it is checked field by field and ignored when anything is off.
 */
export interface RubricNote {
  type: 'essay' | 'task';
  rubric: Rubric;
  maxLength?: number;
}

const PREFIX = 'qadam-rubric:';
const NOTE = /<!--\s*qadam-rubric:([A-Za-z0-9+/=]{1,200000})\s*-->/;

export function rubricNoteComment(note: RubricNote): string {
  const body = { v: 1, ...note };
  return `<!-- ${PREFIX}${Buffer.from(JSON.stringify(body), 'utf8').toString('base64')} -->`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): TranslatableText | null {
  if (!isRecord(v)) return null;
  const out: TranslatableText = {};
  for (const [k, s] of Object.entries(v)) {
    if ((k !== 'kk' && k !== 'ru' && k !== 'en') || typeof s !== 'string') return null;
    if (!s.trim() || s.length > 2000) return null;
    out[k] = s;
  }
  return Object.keys(out).length ? out : null;
}

function level(v: unknown, id: string): RubricLevel | null {
  if (!isRecord(v)) return null;
  const title = text(v.title);
  const points = v.points;
  if (!title || typeof points !== 'number' || !(points >= 0 && points <= 100)) return null;
  if (v.meets !== undefined && typeof v.meets !== 'boolean') return null;
  return v.meets === undefined ? { id, title, points } : { id, title, points, meets: v.meets };
}

function criterion(v: unknown, i: number): RubricCriterion | null {
  if (!isRecord(v) || !Array.isArray(v.levels)) return null;
  const title = text(v.title);
  if (!title || v.levels.length < 2 || v.levels.length > 10) return null;
  const levels = v.levels.map((l, j) => level(l, `c${i + 1}-l${j + 1}`));
  if (levels.some((l) => l === null)) return null;
  const out: RubricCriterion = { id: `c${i + 1}`, title, levels: levels as RubricLevel[] };
  if (v.competencies !== undefined) {
    const codes = v.competencies;
    if (!Array.isArray(codes) || !codes.every(isCompetencyCode)) return null;
    out.competencies = [...new Set(codes)];
  }
  return out;
}

/** The rubric note in a grader information text, or null when there is none or it is not valid. */
export function readRubricNote(html: string): RubricNote | null {
  const m = NOTE.exec(html);
  if (!m) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw.v !== 1 || (raw.type !== 'essay' && raw.type !== 'task')) return null;
  const rubric = raw.rubric;
  if (!isRecord(rubric) || !Array.isArray(rubric.criteria)) return null;
  if (rubric.criteria.length < 1 || rubric.criteria.length > 20) return null;
  const criteria = rubric.criteria.map(criterion);
  if (criteria.some((c) => c === null)) return null;
  const note: RubricNote = { type: raw.type, rubric: { criteria: criteria as RubricCriterion[] } };
  if (raw.maxLength !== undefined) {
    const max = raw.maxLength;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100_000) return null;
    note.maxLength = max;
  }
  return note;
}
