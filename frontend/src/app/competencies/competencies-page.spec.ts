import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CompetencyProfile, ProfileBlock, Recommendation } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { CompetenciesPage } from './competencies-page';

const block = (
  code: string,
  status: ProfileBlock['status'],
  evidence: ProfileBlock['evidence'] = [],
) =>
  ({
    code,
    aspect: code[11],
    level: code[13],
    name: { kk: `Блок ${code}` },
    status,
    evidence,
  }) as ProfileBlock;

const profile: CompetencyProfile = {
  userId: 'u1',
  frameworks: [
    {
      code: 'unesco-cft',
      title: { kk: 'ЮНЕСКО: педагогтердің ЖИ құзыреттілігі' },
      blocks: [1, 2, 3, 4, 5].flatMap((a) =>
        [1, 2, 3].map((l) =>
          a === 3 && l === 1
            ? block('unesco-cft:3.1', 'demonstrated', [
                {
                  id: 'ev1',
                  competency: 'unesco-cft:3.1',
                  level: '1',
                  source: { type: 'section', id: 's1' },
                  score: 85,
                  recordedAt: '2026-11-20T10:00:00Z',
                  reason: null,
                },
              ])
            : block(`unesco-cft:${a}.${l}`, a === 1 && l === 1 ? 'in_progress' : 'none'),
        ),
      ),
    },
    { code: 'iste-ed', title: { kk: 'ISTE' }, blocks: [block('iste-ed:2.3.b', 'demonstrated')] },
  ],
};

const recs: Recommendation[] = [
  {
    id: 'start-ladder/ai-in-teachers-work',
    rule: 'start-ladder',
    kind: 'course',
    courseSlug: 'ai-in-teachers-work',
    lessonKey: null,
    title: { kk: 'Педагог жұмысындағы ЖИ' },
    reason: { kk: 'Сізде әлі сертификат жоқ.' },
    uses: ['certificates'],
    gaps: [],
  },
];

async function render() {
  localStorage.clear();
  const dismissed: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      {
        provide: ApiClient,
        useValue: {
          competencies: async () => profile,
          recommendations: async () => recs,
          dismissRecommendation: async (id: string) => void dismissed.push(id),
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(CompetenciesPage);
  const el = fixture.nativeElement as HTMLElement;
  // Two requests in parallel: wait until the page has drawn their answers.
  await vi.waitFor(async () => {
    await fixture.whenStable();
    expect(el.querySelector('.matrix')).not.toBeNull();
  });
  return { fixture, dismissed, el };
}

describe('CompetenciesPage', () => {
  it('draws the UNESCO matrix, 5 aspects by 3 levels, each cell with its status', async () => {
    const { el } = await render();
    expect(el.querySelectorAll('.matrix button.cell')).toHaveLength(15);
    expect(el.querySelector('[data-code="unesco-cft:3.1"]')?.className).toContain('demonstrated');
    expect(el.querySelector('[data-code="unesco-cft:1.1"]')?.textContent).toContain('Үдерісте');
    expect(el.querySelector('.matrix')?.textContent).toContain('ЖИ негіздері мен қолданылуы');
  });

  it('opens a cell on its evidence', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLButtonElement>('[data-code="unesco-cft:3.1"]')!.click();
    await fixture.whenStable();
    const panel = el.querySelector('.evidence')!;
    expect(panel.textContent).toContain('Тест бөлімі');
    expect(panel.textContent).toContain('нәтиже 85%');
    el.querySelector<HTMLButtonElement>('[data-code="unesco-cft:5.3"]')!.click();
    await fixture.whenStable();
    expect(el.querySelector('.evidence')?.textContent).toContain('Бұл блок бойынша әлі дәлел жоқ.');
  });

  it('shows why a course is recommended, in words, and lets the teacher dismiss it', async () => {
    const { fixture, el, dismissed } = await render();
    const rec = el.querySelector('[data-rule="start-ladder"]')!;
    expect(rec.textContent).toContain('Сізде әлі сертификат жоқ.');
    expect(rec.textContent).toContain('Неге сүйенді: сертификаттарыңыз');
    rec.querySelector('button')!.click();
    await fixture.whenStable();
    expect(dismissed).toEqual(['start-ladder/ai-in-teachers-work']);
    expect(el.querySelector('[data-rule="start-ladder"]')).toBeNull();
  });
});
