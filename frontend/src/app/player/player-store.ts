import { computed, signal } from '@angular/core';
import type { AttemptResult, AttemptStarted, ItemResponse } from '@qadam/contracts';

/** What the store needs from the outside world; the tests give it fakes. */
export interface PlayerDeps {
  save(attemptId: string, itemId: string, response: ItemResponse): Promise<{ savedAt: string }>;
  submit(attemptId: string): Promise<AttemptResult>;
  now(): number;
  /** Where unsent answers wait, so a reload or a closed tab while offline loses nothing. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

/** How the teacher's answers stand: all saved, one on its way, waiting for a connection, or refused. */
export type SaveState = 'saved' | 'saving' | 'offline' | 'closed' | 'error';

/** Seconds before the deadline at which the player warns. */
export const WARN_AT_SECONDS = [300, 60];

interface Failure {
  status: number;
  code: string;
  message: string;
}

const isFailure = (e: unknown): e is Failure =>
  typeof e === 'object' && e !== null && 'code' in e && 'status' in e;

/**
 * The test player's state: answers, their saving, the offline queue and the clock.
 *
 * - Every change is saved at once (the API's autosave is idempotent; the last answer wins).
 * - A save that cannot reach the server waits in a queue kept in localStorage, and is sent when
 *   the connection returns (`retry`, called on the browser's `online` event and on a timer).
 * - Time is the server's: the offset between its clock and ours is taken at the start, so a wrong
 *   clock on a school computer neither shortens nor lengthens the test.
 */
export class PlayerStore {
  readonly attempt: AttemptStarted;
  private readonly answers = signal<Record<string, ItemResponse>>({});
  /** Answers not yet acknowledged by the server, by item. */
  private readonly pending = signal<Record<string, ItemResponse>>({});
  private readonly inFlight = signal(0);
  private readonly offline = signal(false);
  private readonly closedBy = signal<'deadline' | 'server' | null>(null);
  private readonly failure = signal<string | null>(null);
  private readonly clock = signal(0);
  private readonly offsetMs: number;
  private sending = false;
  private typing?: ReturnType<typeof setTimeout>;

  readonly result = signal<AttemptResult | null>(null);
  readonly responses = this.answers.asReadonly();
  readonly unsent = computed(() => Object.keys(this.pending()).length);
  readonly state = computed<SaveState>(() => {
    if (this.closedBy()) return 'closed';
    if (this.failure()) return 'error';
    if (this.offline() && this.unsent() > 0) return 'offline';
    if (this.inFlight() > 0 || this.unsent() > 0) return 'saving';
    return 'saved';
  });
  readonly errorMessage = this.failure.asReadonly();
  /** Milliseconds left by the server's clock; null without a deadline. */
  readonly remainingMs = computed(() => {
    this.clock();
    if (!this.attempt.deadline) return null;
    return Math.max(0, Date.parse(this.attempt.deadline) - (this.deps.now() + this.offsetMs));
  });
  readonly warning = computed(() => {
    const left = this.remainingMs();
    if (left === null || left === 0) return null;
    return WARN_AT_SECONDS.filter((s) => left <= s * 1000).at(-1) ?? null;
  });
  readonly timeUp = computed(() => this.remainingMs() === 0);
  readonly answered = computed(
    () => this.attempt.items.filter((i) => isAnswered(this.answers()[i.id])).length,
  );

  constructor(
    attempt: AttemptStarted,
    private readonly deps: PlayerDeps,
    /** When the start answer arrived, by our clock (serverTime was the server's then). */
    receivedAt = deps.now(),
  ) {
    this.attempt = attempt;
    this.offsetMs = Date.parse(attempt.serverTime) - receivedAt;
    const saved: Record<string, ItemResponse> = {};
    for (const [id, r] of Object.entries(attempt.responses)) saved[id] = r.response;
    // Answers that never reached the server (offline, then a reload) are newer than its copy.
    const queued = this.readQueue();
    this.answers.set({ ...saved, ...queued });
    this.pending.set(queued);
    this.tick();
  }

  /** Re-reads the clock (the component calls this every second). */
  tick(): void {
    this.clock.update((n) => n + 1);
  }

  /**
   * Records an answer (kept on this device at once) and sends it: now, or for typed text after a
   * pause in typing, so an essay is not one request per keystroke.
   */
  answer(itemId: string, response: ItemResponse, delayMs = 0): void {
    if (this.closedBy() || this.result()) return;
    this.answers.update((a) => ({ ...a, [itemId]: response }));
    this.pending.update((p) => ({ ...p, [itemId]: response }));
    this.writeQueue();
    clearTimeout(this.typing);
    if (delayMs > 0) this.typing = setTimeout(() => void this.flush(), delayMs);
    else void this.flush();
  }

  /** Sends what waits (after `online`, on a timer, before submitting). */
  retry(): Promise<void> {
    return this.flush();
  }

  async submit(): Promise<AttemptResult | null> {
    clearTimeout(this.typing);
    await this.flush();
    if (this.unsent() > 0 && !this.closedBy()) return null;
    try {
      const result = await this.deps.submit(this.attempt.id);
      this.result.set(result);
      this.clearQueue();
      return result;
    } catch (e) {
      this.fail(e);
      return null;
    }
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (;;) {
        const next = Object.entries(this.pending())[0];
        if (!next || this.closedBy()) return;
        const [itemId, response] = next;
        this.inFlight.update((n) => n + 1);
        try {
          await this.deps.save(this.attempt.id, itemId, response);
          this.offline.set(false);
          this.failure.set(null);
          // Only if unchanged meanwhile: a newer answer stays queued and goes next.
          this.pending.update((p) => {
            if (p[itemId] !== response) return p;
            const { [itemId]: _sent, ...rest } = p;
            return rest;
          });
          this.writeQueue();
        } catch (e) {
          this.fail(e);
          return;
        } finally {
          this.inFlight.update((n) => n - 1);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private fail(e: unknown): void {
    if (isFailure(e) && e.code === 'OFFLINE') {
      this.offline.set(true);
      return;
    }
    if (isFailure(e) && e.code === 'ATTEMPT_CLOSED') {
      this.closedBy.set(this.timeUp() ? 'deadline' : 'server');
      this.clearQueue();
    }
    this.failure.set(isFailure(e) ? e.message : String(e));
  }

  private get queueKey(): string {
    return `qadam.attempt.${this.attempt.id}.unsent`;
  }

  private readQueue(): Record<string, ItemResponse> {
    try {
      const raw = this.deps.storage?.getItem(this.queueKey);
      return raw ? (JSON.parse(raw) as Record<string, ItemResponse>) : {};
    } catch {
      return {};
    }
  }

  private writeQueue(): void {
    try {
      const p = this.pending();
      if (Object.keys(p).length) this.deps.storage?.setItem(this.queueKey, JSON.stringify(p));
      else this.deps.storage?.removeItem(this.queueKey);
    } catch {
      // Storage full or unavailable: the queue lives in memory only.
    }
  }

  private clearQueue(): void {
    this.pending.set({});
    this.writeQueue();
  }
}

export function isAnswered(r: ItemResponse | undefined): boolean {
  if (r === null || r === undefined || r === '') return false;
  if (Array.isArray(r)) return r.length > 0;
  if (typeof r === 'object') return Object.keys(r).length > 0;
  return true;
}
