import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Lang, LadderLevel, LadderRung, MyLadder } from '@qadam/contracts';
import { pickText } from '../courses/text';
import { missingPrerequisites, VALID_CERTIFICATE } from '../ladder/prerequisites';
import { EnrollmentsService } from './enrollments.service';

const LEVELS: LadderLevel[] = ['acquire', 'deepen', 'create'];
const LIVE = new Set(['pending', 'waitlisted', 'active', 'completed']);

interface CertRow {
  id: string;
  number: string;
  level: LadderLevel;
  slug: string;
  title: Record<string, string>;
  issued_at: Date;
}

/**
 * The teacher's ladder: what she holds, where she is enrolled, and what each closed rung still
 * needs. The gates are the same function the enrolment uses (`missingPrerequisites`), so the
 * page can never promise a door the API then shuts.
 */
@Injectable()
export class LadderView {
  constructor(
    private readonly ds: DataSource,
    private readonly enrollments: EnrollmentsService,
  ) {}

  async of(userId: string, lang: Lang): Promise<MyLadder> {
    const [certs, [user], mine] = await Promise.all([
      this.ds.query(
        `SELECT DISTINCT ON (c.level) c.id, c.number, c.level, k.slug, k.title, c.issued_at
           FROM certificates c JOIN courses k ON k.id = c.course_id
          WHERE c.user_id = $1 AND ${VALID_CERTIFICATE}
          ORDER BY c.level, c.issued_at DESC`,
        [userId],
      ) as Promise<CertRow[]>,
      this.ds.query(`SELECT subjects FROM users WHERE id = $1`, [userId]) as Promise<
        { subjects: string[] }[]
      >,
      this.enrollments.mine(userId, lang),
    ]);
    const held = new Map(certs.map((c) => [c.level, c]));
    const facts = { certified: [...held.keys()], subjects: user?.subjects ?? [], exception: false };
    const rungs: LadderRung[] = LEVELS.map((level) => {
      const cert = held.get(level);
      const enrollments = mine.filter((e) => e.level === level && LIVE.has(e.status));
      const missing = missingPrerequisites(level, facts).map((m) => m[lang]);
      return {
        level,
        status: cert
          ? 'held'
          : enrollments.length
            ? 'in_progress'
            : missing.length
              ? 'locked'
              : 'open',
        certificate: cert
          ? {
              id: cert.id,
              number: cert.number,
              courseSlug: cert.slug,
              courseTitle: pickText(cert.title, lang),
              issuedAt: cert.issued_at.toISOString(),
            }
          : null,
        enrollments,
        missing,
      };
    });
    const current = [...LEVELS].reverse().find((l) => held.has(l)) ?? null;
    return { current, rungs };
  }
}
