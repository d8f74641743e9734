import { TestBed } from '@angular/core/testing';
import type { UserProfile } from '@qadam/contracts';
import { I18n } from '../i18n/i18n';
import { ApiClient, ApiError } from './api-client';
import { Session } from './session';

const user = { id: 'u1', fullName: 'Әлия', roles: ['teacher'] } as UserProfile;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The network as the client sees it: each call recorded, answered by the test's function. */
function network(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; auth?: string; lang?: string; body?: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const h = init.headers as Record<string, string>;
    calls.push({
      url,
      auth: h['Authorization'],
      lang: h['Accept-Language'],
      body: init.body ? JSON.parse(init.body as string) : undefined,
    });
    return answer(url, init);
  });
  return calls;
}

describe('ApiClient', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('sends the token and the interface language', async () => {
    const calls = network(() => json(200, user));
    TestBed.inject(Session).start({ user, accessToken: 'a1', refreshToken: 'r1' });
    await TestBed.inject(I18n).use('ru');
    await TestBed.inject(ApiClient).me();
    expect(calls[0]).toMatchObject({ url: '/api/me', auth: 'Bearer a1', lang: 'ru' });
  });

  it('renews an expired access token once for parallel requests, and repeats them', async () => {
    let refreshes = 0;
    const calls = network(async (url, init) => {
      if (url === '/api/auth/refresh') {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return json(200, { user, accessToken: 'a2', refreshToken: 'r2', expiresIn: 900 });
      }
      const auth = (init.headers as Record<string, string>)['Authorization'];
      return auth === 'Bearer a2'
        ? json(200, user)
        : json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Кіріңіз.' });
    });
    const session = TestBed.inject(Session);
    session.start({ user, accessToken: 'a1', refreshToken: 'r1' });
    const api = TestBed.inject(ApiClient);
    const results = await Promise.all([api.me(), api.me(), api.me()]);
    expect(results.map((u) => u.id)).toEqual(['u1', 'u1', 'u1']);
    expect(refreshes).toBe(1);
    expect(calls.find((c) => c.url === '/api/auth/refresh')?.body).toEqual({ refreshToken: 'r1' });
    expect([session.accessToken(), session.refreshToken()]).toEqual(['a2', 'r2']);
    // The renewed pair survives a reload.
    expect(JSON.parse(localStorage.getItem('qadam.session')!).refreshToken).toBe('r2');
  });

  it('signs the teacher out when the session cannot be renewed, with the API message', async () => {
    network((url) =>
      url === '/api/auth/refresh'
        ? json(401, { statusCode: 401, code: 'INVALID_REFRESH_TOKEN', message: 'Сессия бітті.' })
        : json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Қайта кіріңіз.' }),
    );
    const session = TestBed.inject(Session);
    session.start({ user, accessToken: 'a1', refreshToken: 'r1' });
    const err = await TestBed.inject(ApiClient)
      .me()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'Қайта кіріңіз.' });
    expect(session.signedIn()).toBe(false);
  });

  it('reports a dropped connection in the interface language', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await TestBed.inject(I18n).use('en');
    const err = await TestBed.inject(ApiClient)
      .catalog({})
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'OFFLINE', message: expect.stringContaining('No internet') });
  });

  it('starts a session on sign-in', async () => {
    network(() => json(200, { user, accessToken: 'a9', refreshToken: 'r9', expiresIn: 900 }));
    await TestBed.inject(ApiClient).login({ email: 'a@b.kz', password: 'x' });
    expect(TestBed.inject(Session).user()?.fullName).toBe('Әлия');
  });
});
