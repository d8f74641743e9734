import type { AttemptResult, AttemptStarted, ItemResponse } from '@qadam/contracts';
import { PlayerStore, type PlayerDeps } from './player-store';

const T0 = Date.parse('2026-11-25T09:00:00Z');

function attempt(o: Partial<AttemptStarted> = {}): AttemptStarted {
  return {
    id: 'att-1',
    assessmentId: 'as-1',
    number: 1,
    status: 'in_progress',
    startedAt: new Date(T0).toISOString(),
    deadline: new Date(T0 + 40 * 60_000).toISOString(),
    serverTime: new Date(T0).toISOString(),
    layout: 'one_per_page',
    lang: 'kk',
    items: ['i1', 'i2', 'i3'].map((id) => ({
      id,
      type: 'single',
      prompt: id,
      points: 1,
      section: 's',
      options: [{ id: 'a', text: 'A' }],
    })),
    responses: {},
    ...o,
  };
}

const offline = () => Object.assign(new Error('Интернет жоқ'), { status: 0, code: 'OFFLINE' });

/** A server whose answers the test releases one by one, and a clock it moves. */
function world() {
  const calls: { itemId: string; response: ItemResponse }[] = [];
  let down = false;
  let closed = false;
  let clock = T0;
  const store = new Map<string, string>();
  const deps: PlayerDeps = {
    save: async (_a, itemId, response) => {
      calls.push({ itemId, response });
      await Promise.resolve();
      if (down) throw offline();
      if (closed)
        throw Object.assign(new Error('Тест жабылды.'), { status: 409, code: 'ATTEMPT_CLOSED' });
      return { savedAt: new Date(clock).toISOString() };
    },
    submit: async () => {
      if (down) throw offline();
      return {
        score: 3,
        maxScore: 3,
        percent: 100,
        passed: true,
        status: 'graded',
      } as AttemptResult;
    },
    now: () => clock,
    storage: {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    },
  };
  return {
    deps,
    calls,
    store,
    setDown: (v: boolean) => (down = v),
    closeOnServer: () => (closed = true),
    advance: (ms: number) => (clock += ms),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PlayerStore', () => {
  it('saves each answer at once and says saving, then saved', async () => {
    const w = world();
    const s = new PlayerStore(attempt(), w.deps);
    expect(s.state()).toBe('saved');
    s.answer('i1', 'a');
    expect(s.state()).toBe('saving');
    await settle();
    expect(s.state()).toBe('saved');
    expect(w.calls).toEqual([{ itemId: 'i1', response: 'a' }]);
    expect(s.answered()).toBe(1);
  });

  it('keeps answers made offline in a queue that survives a reload, and sends them when back', async () => {
    const w = world();
    w.setDown(true);
    const s = new PlayerStore(attempt(), w.deps);
    s.answer('i1', 'a');
    await settle();
    s.answer('i2', 'a');
    await settle();
    expect(s.state()).toBe('offline');
    expect(s.unsent()).toBe(2);

    // The page is reloaded while still offline: the server knows nothing, the queue does.
    const reloaded = new PlayerStore(attempt(), w.deps);
    expect(reloaded.responses()).toEqual({ i1: 'a', i2: 'a' });
    expect(reloaded.state()).toBe('saving');

    w.setDown(false);
    w.calls.length = 0;
    await reloaded.retry();
    expect(w.calls.map((c) => c.itemId)).toEqual(['i1', 'i2']);
    expect(reloaded.state()).toBe('saved');
    expect([...w.store.keys()]).toEqual([]);
  });

  it('sends only the last of several answers to one item', async () => {
    const w = world();
    w.setDown(true);
    const s = new PlayerStore(attempt(), w.deps);
    s.answer('i1', 'a');
    s.answer('i1', null);
    s.answer('i1', 'b');
    await settle();
    w.setDown(false);
    w.calls.length = 0;
    await s.retry();
    expect(w.calls).toEqual([{ itemId: 'i1', response: 'b' }]);
  });

  it('sends typed text after a pause, not on every key, and keeps it meanwhile', async () => {
    vi.useFakeTimers();
    try {
      const w = world();
      const s = new PlayerStore(attempt(), w.deps);
      for (const text of ['Ж', 'ЖИ', 'ЖИ — ', 'ЖИ — құрал']) s.answer('i1', text, 800);
      expect(s.state()).toBe('saving');
      expect(w.calls).toEqual([]);
      expect([...w.store.values()]).toEqual([JSON.stringify({ i1: 'ЖИ — құрал' })]);
      await vi.advanceTimersByTimeAsync(800);
      expect(w.calls).toEqual([{ itemId: 'i1', response: 'ЖИ — құрал' }]);
      expect(s.state()).toBe('saved');
    } finally {
      vi.useRealTimers();
    }
  });

  it('resumes with the answers the server holds (a second device, a reload)', () => {
    const w = world();
    const s = new PlayerStore(
      attempt({ responses: { i3: { response: 'a', savedAt: new Date(T0).toISOString() } } }),
      w.deps,
    );
    expect(s.responses()).toEqual({ i3: 'a' });
    expect(s.answered()).toBe(1);
  });

  it("counts down to the server's deadline whatever the computer's clock says", () => {
    const w = world();
    // This computer is 10 minutes fast: its clock reads T0+10 min when the server says T0.
    w.advance(10 * 60_000);
    const s = new PlayerStore(attempt(), w.deps);
    expect(s.remainingMs()).toBe(40 * 60_000);
    w.advance(35 * 60_000 + 1);
    s.tick();
    expect(s.warning()).toBe(300);
    w.advance(4 * 60_000);
    s.tick();
    expect(s.warning()).toBe(60);
    w.advance(60_000);
    s.tick();
    expect(s.timeUp()).toBe(true);
    expect(s.warning()).toBeNull();
  });

  it('stops at the server saying the attempt is closed, and accepts no more answers', async () => {
    const w = world();
    const s = new PlayerStore(attempt(), w.deps);
    w.closeOnServer();
    s.answer('i1', 'a');
    await settle();
    expect(s.state()).toBe('closed');
    expect(s.errorMessage()).toBe('Тест жабылды.');
    s.answer('i2', 'a');
    expect(s.responses()['i2']).toBeUndefined();
  });

  it('does not submit while answers wait for a connection; submits once they are sent', async () => {
    const w = world();
    const s = new PlayerStore(attempt(), w.deps);
    w.setDown(true);
    s.answer('i1', 'a');
    await settle();
    expect(await s.submit()).toBeNull();
    expect(s.result()).toBeNull();
    w.setDown(false);
    expect(await s.submit()).toMatchObject({ passed: true });
    expect(w.calls.at(-1)).toEqual({ itemId: 'i1', response: 'a' });
  });
});
