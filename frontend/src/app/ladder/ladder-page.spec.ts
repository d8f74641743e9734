import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LadderRung, MyEnrollment, MyLadder } from '@qadam/contracts';
import { ApiClient } from '../core/api-client';
import { I18n } from '../i18n/i18n';
import { LadderPage } from './ladder-page';

const rung = (
  level: LadderRung['level'],
  status: LadderRung['status'],
  o: Partial<LadderRung> = {},
) => ({ level, status, certificate: null, enrollments: [], missing: [], ...o }) as LadderRung;

const newcomer: MyLadder = {
  current: null,
  rungs: [
    rung('acquire', 'in_progress', {
      enrollments: [
        { id: 'e1', courseTitle: 'Педагог жұмысындағы ЖИ', progress: 0.375 } as MyEnrollment,
      ],
    }),
    rung('deepen', 'locked', { missing: ['«Игеру» деңгейінің жарамды куәлігі'] }),
    rung('create', 'locked', { missing: ['«Тереңдету» сертификаты', '«Информатика» пәні'] }),
  ],
};

const acquired: MyLadder = {
  current: 'acquire',
  rungs: [
    rung('acquire', 'held', {
      certificate: {
        id: 'c1',
        number: 'QA-2026-000123',
        courseSlug: 'ai-in-teachers-work',
        courseTitle: 'Педагог жұмысындағы ЖИ',
        issuedAt: '2026-11-20T10:00:00Z',
      },
    }),
    rung('deepen', 'open'),
    rung('create', 'locked', { missing: ['«Тереңдету» сертификаты'] }),
  ],
};

async function render(answer: MyLadder) {
  localStorage.clear();
  const asked: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      {
        provide: ApiClient,
        useFactory: (i18n: I18n) => ({
          ladder: async () => {
            asked.push(i18n.lang());
            return answer;
          },
        }),
        deps: [I18n],
      },
    ],
  });
  const fixture = TestBed.createComponent(LadderPage);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const rungOf = (level: string) => el.querySelector(`[data-level=${level}]`) as HTMLElement;
  return { fixture, el, rungOf, asked };
}

describe('LadderPage', () => {
  it('shows where a newcomer stands, her progress, and what each closed rung needs', async () => {
    const { el, rungOf } = await render(newcomer);
    expect(el.querySelector('.standing')?.textContent).toContain(
      'Сізде әлі куәлік немесе сертификат жоқ.',
    );
    expect(el.querySelector('.standing')?.textContent).toContain('курсты аяқтап');
    expect(rungOf('acquire').textContent).toContain('Оқып жатырсыз');
    expect(rungOf('acquire').querySelector('progress')?.getAttribute('value')).toBe('38');
    expect(rungOf('deepen').textContent).toContain('Әзірге жабық');
    expect(
      [...rungOf('create').querySelectorAll('.missing li')].map((li) => li.textContent),
    ).toEqual(['«Тереңдету» сертификаты', '«Информатика» пәні']);
    // No way in is offered where the API says the door is shut.
    expect(rungOf('deepen').querySelector('a')).toBeNull();
  });

  it('shows the certificate held and opens the next rung with a link to its courses', async () => {
    const { el, rungOf } = await render(acquired);
    expect(el.querySelector('.standing')?.textContent).toContain('Сіз «Игеру» сатысындасыз.');
    expect(rungOf('acquire').textContent).toContain('№ QA-2026-000123');
    expect(rungOf('acquire').textContent).toContain('Алынды');
    const link = rungOf('deepen').querySelector('a');
    expect(link?.getAttribute('href')).toBe('/courses?level=deepen');
    expect(rungOf('create').querySelector('a')).toBeNull();
  });

  it('asks again in the new language when the teacher switches it', async () => {
    const { fixture, asked, el } = await render(acquired);
    await TestBed.inject(I18n).use('ru');
    await fixture.whenStable();
    expect(asked).toEqual(['kk', 'ru']);
    expect(el.querySelector('h1')?.textContent).toBe('Лестница компетенций');
  });
});
