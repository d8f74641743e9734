import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type {
  AssessmentKind,
  AssessmentSection,
  ReviewFrom,
  ReviewShows,
  TestLayout,
  TranslatableText,
} from '@qadam/contracts';

/** An assessment of a published version, as attempts need it. */
export interface AssessmentDef {
  id: string;
  versionId: string;
  courseId: string;
  courseSlug: string;
  key: string;
  kind: AssessmentKind;
  title: TranslatableText;
  passMark: number;
  timeLimitMinutes: number | null;
  attemptsAllowed: number | null;
  sections: AssessmentSection[];
  availableFrom: Date | null;
  availableUntil: Date | null;
  shuffleItems: boolean;
  shuffleOptions: boolean;
  layout: TestLayout;
  reviewShows: ReviewShows;
  reviewFrom: ReviewFrom;
}

const COLUMNS = `a.id, a.version_id AS "versionId", v.course_id AS "courseId", c.slug AS "courseSlug",
  a.key, a.kind, a.title, a.pass_mark AS "passMark", a.time_limit_minutes AS "timeLimitMinutes",
  a.attempts_allowed AS "attemptsAllowed", a.sections, a.available_from AS "availableFrom",
  a.available_until AS "availableUntil", a.shuffle_items AS "shuffleItems",
  a.shuffle_options AS "shuffleOptions", a.layout, a.review_shows AS "reviewShows",
  a.review_from AS "reviewFrom"`;
const FROM = `FROM course_assessments a JOIN course_versions v ON v.id = a.version_id
  JOIN courses c ON c.id = v.course_id`;

/**
 * Assessments by id, cached: a published version's assessments never change (a trigger refuses
 * it), so every process may keep them.
 */
@Injectable()
export class AssessmentDefs {
  private readonly byId = new LRUCache<string, AssessmentDef>({ max: 5000 });

  constructor(private readonly ds: DataSource) {}

  async get(id: string): Promise<AssessmentDef | null> {
    const hit = this.byId.get(id);
    if (hit) return hit;
    const [row] = await this.ds.query(`SELECT ${COLUMNS} ${FROM} WHERE a.id = $1`, [id]);
    if (row) this.byId.set(id, row);
    return row ?? null;
  }

  /** The assessment with this key in another version (a teacher's own, after a migration). */
  async inVersion(versionId: string, key: string): Promise<AssessmentDef | null> {
    const [row] = await this.ds.query(
      `SELECT ${COLUMNS} ${FROM} WHERE a.version_id = $1 AND a.key = $2`,
      [versionId, key],
    );
    if (row) this.byId.set(row.id, row);
    return row ?? null;
  }
}
