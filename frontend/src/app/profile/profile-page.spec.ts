import { TestBed } from '@angular/core/testing';
import type { ReferenceData, UpdateProfileRequest, UserProfile } from '@qadam/contracts';
import { ApiClient, ApiError } from '../core/api-client';
import { Session } from '../core/session';
import { ProfilePage } from './profile-page';

const me: UserProfile = {
  id: 'u1',
  email: 'gulnaz@mektep.kz',
  fullName: 'Гүлназ Әбдірахманова',
  iin: null,
  region: 'almaty',
  school: '№ 12 мектеп',
  schoolKind: null,
  subjects: ['math'],
  grades: [],
  language: 'kk',
  roles: ['teacher'],
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
};

const item = (code: string, kk: string) => ({ code, name: { kk, ru: kk, en: kk } });
const reference: ReferenceData = {
  regions: [
    { ...item('almaty', 'Алматы қаласы'), kind: 'city' },
    { ...item('abai', 'Абай облысы'), kind: 'region' },
  ],
  subjects: [item('math', 'Математика'), item('informatics', 'Информатика')],
  schoolKinds: [item('urban', 'Қалалық'), item('small_ungraded', 'Аз комплектілі')],
  grades: [item('primary', 'Бастауыш'), item('secondary', 'Негізгі және жоғары')],
  languages: [item('kk', 'Қазақша'), item('ru', 'Русский'), item('en', 'English')],
};

async function render(patch: (body: UpdateProfileRequest) => Promise<UserProfile>) {
  localStorage.clear();
  const sent: UpdateProfileRequest[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: ApiClient,
        useValue: {
          me: async () => me,
          reference: async () => reference,
          updateProfile: (body: UpdateProfileRequest) => (sent.push(body), patch(body)),
        },
      },
    ],
  });
  TestBed.inject(Session).start({ user: me, accessToken: 'a', refreshToken: 'r' });
  const fixture = TestBed.createComponent(ProfilePage);
  const el = fixture.nativeElement as HTMLElement;
  await vi.waitFor(async () => {
    await fixture.whenStable();
    expect(el.querySelector('form')).not.toBeNull();
  });
  const change = async (selector: string, value: string) => {
    const input = el.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
    await fixture.whenStable();
  };
  const check = async (selector: string) => {
    el.querySelector<HTMLInputElement>(selector)!.click();
    await fixture.whenStable();
  };
  const submit = async () => {
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  return { fixture, el, sent, change, check, submit };
}

describe('ProfilePage', () => {
  it('shows the saved profile, sends only what the teacher edited as the whole profile, and updates the session', async () => {
    const { el, sent, change, check, submit } = await render(
      async (body) =>
        ({
          ...me,
          ...body,
        }) as UserProfile,
    );
    expect(el.querySelector<HTMLInputElement>('input[name=email]')!.readOnly).toBe(true);
    expect(el.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(true);
    await change('input[name=fullName]', 'Гүлназ Серікқызы');
    await change('select[name=schoolKind]', 'small_ungraded');
    await check('input[name=subjects][value=informatics]');
    await check('input[name=grades][value=primary]');
    expect(el.querySelector('[role=status]')!.textContent).toContain('Сақталмаған өзгерістер бар.');
    await submit();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      fullName: 'Гүлназ Серікқызы',
      iin: null,
      region: 'almaty',
      school: '№ 12 мектеп',
      schoolKind: 'small_ungraded',
      subjects: ['math', 'informatics'],
      grades: ['primary'],
      language: 'kk',
    });
    await vi.waitFor(() =>
      expect(el.querySelector('[role=status]')!.textContent).toContain('Профиль сақталды.'),
    );
    expect(TestBed.inject(Session).user()?.fullName).toBe('Гүлназ Серікқызы');
  });

  it("shows the API's message at the field it names, and keeps what was typed", async () => {
    const { el, change, submit } = await render(async () => {
      throw new ApiError(409, 'IIN_TAKEN', 'Бұл ЖСН басқа тіркелгіде тұр.', {
        statusCode: 409,
        code: 'IIN_TAKEN',
        message: 'Бұл ЖСН басқа тіркелгіде тұр.',
        details: [{ field: 'iin', problem: 'Бұл ЖСН басқа тіркелгіде тұр.', rule: 'taken' }],
      });
    });
    await change('input[name=iin]', '880101300123');
    await submit();
    await vi.waitFor(() =>
      expect(el.querySelector('#iin-error')!.textContent).toContain('басқа тіркелгіде'),
    );
    expect(el.querySelector<HTMLInputElement>('input[name=iin]')!.value).toBe('880101300123');
    expect(el.querySelector('[role=alert]')!.textContent).toContain('басқа тіркелгіде');
  });

  it('checks a malformed IIN before sending anything', async () => {
    const { el, sent, change, submit } = await render(async () => me);
    await change('input[name=iin]', '12345');
    await submit();
    expect(sent).toEqual([]);
    expect(el.querySelector('#iin-error')!.textContent).toContain('12 цифр');
  });
});
