import { bundledRules } from './trajectory-rules';
import { recommend, type CourseOption, type Situation, type TrajectoryRule } from './trajectory';

const rules = bundledRules();
const course = (slug: string, level: CourseOption['level'], kind: string): CourseOption => ({
  slug,
  level,
  kind,
  title: { kk: `${slug} kk`, ru: `${slug} ru`, en: `${slug} en` },
});
const catalogue = [
  course('ai-mooc', 'acquire', 'mooc'),
  course('deepen-blended-small-schools', 'deepen', 'cohort'),
  course('deepen-primary-personalised', 'deepen', 'cohort'),
  course('deepen-secondary-personalised', 'deepen', 'cohort'),
  course('ai-models', 'create', 'profile'),
];
const situation = (o: Partial<Situation> = {}): Situation => ({
  rung: 'none',
  schoolKind: 'urban',
  subjects: ['mathematics'],
  grades: ['secondary'],
  gaps: [],
  taken: new Set(),
  dismissed: new Set(),
  ...o,
});
const ids = (s: Situation) => recommend(rules, s, catalogue, []).map((r) => r.id);

describe('trajectory rules (the bundled data)', () => {
  it('load and validate', () => {
    expect(rules.map((r) => r.key)).toContain('small-school-blended');
    expect(rules.every((r) => r.enabled)).toBe(true);
  });

  it('send a newcomer to the MOOC, and never twice to a course she is in', () => {
    expect(ids(situation())).toEqual(['start-ladder/ai-mooc']);
    expect(ids(situation({ taken: new Set(['ai-mooc']) }))).toEqual([]);
  });

  it('send an Acquire holder by school kind and grades, the small school first', () => {
    expect(
      ids(situation({ rung: 'acquire', schoolKind: 'small_ungraded', grades: ['primary'] })),
    ).toEqual([
      'small-school-blended/deepen-blended-small-schools',
      'deepen-primary/deepen-primary-personalised',
    ]);
    expect(ids(situation({ rung: 'acquire' }))).toEqual([
      'deepen-secondary/deepen-secondary-personalised',
    ]);
  });

  it('send only informatics teachers with Deepen to Create', () => {
    expect(ids(situation({ rung: 'deepen', subjects: ['informatics'] }))).toEqual([
      'create-informatics/ai-models',
    ]);
    expect(ids(situation({ rung: 'deepen' }))).toEqual([]);
  });

  it('fill the reason with the facts, in every language', () => {
    const [r] = recommend(
      rules,
      situation({
        gaps: [{ code: 'unesco-cft:2.1', name: { kk: 'Этика', ru: 'Этика', en: 'Ethics' } }],
      }),
      [],
      [
        {
          courseSlug: 'ai-mooc',
          courseTitle: { kk: 'k', ru: 'r', en: 'e' },
          key: 'privacy',
          title: { kk: 'Құпиялылық', ru: 'Конфиденциальность', en: 'Privacy' },
          competencies: ['unesco-cft:2.1', 'unesco-cft:3.1'],
        },
      ],
    );
    expect(r).toMatchObject({ id: 'close-gaps/ai-mooc/privacy', gaps: ['unesco-cft:2.1'] });
    expect(r.reason.en).toBe(
      'You have no evidence yet for: 2.1 Ethics. This lesson covers one of them.',
    );
    expect(r.reason.kk).toContain('2.1 Этика');
  });

  it('leave out what was dismissed and what a disabled rule would say', () => {
    expect(ids(situation({ dismissed: new Set(['start-ladder/ai-mooc']) }))).toEqual([]);
    const off: TrajectoryRule[] = rules.map((r) =>
      r.key === 'start-ladder' ? { ...r, enabled: false } : r,
    );
    expect(recommend(off, situation(), catalogue, [])).toEqual([]);
  });
});
