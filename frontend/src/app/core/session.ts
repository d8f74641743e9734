import { DOCUMENT } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { AuthResult, Role, UserProfile } from '@qadam/contracts';

const STORAGE_KEY = 'qadam.session';

/** Roles that open the staff console. */
export const STAFF_ROLES: readonly Role[] = ['author', 'admin', 'assessor'];

interface Stored {
  user: UserProfile;
  accessToken: string;
  refreshToken: string;
}

/**
 * Who is signed in on this device. Kept in localStorage so a reload, or a dropped connection
 * in the middle of a test, does not sign the teacher out; the refresh token works once, so a
 * copied value is of no use after the next refresh.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;
  private readonly state = signal<Stored | null>(this.read());
  readonly user = computed(() => this.state()?.user ?? null);
  readonly signedIn = computed(() => this.state() !== null);
  readonly staff = computed(() => STAFF_ROLES.some((r) => this.user()?.roles.includes(r)));

  accessToken(): string | null {
    return this.state()?.accessToken ?? null;
  }

  refreshToken(): string | null {
    return this.state()?.refreshToken ?? null;
  }

  hasRole(role: Role): boolean {
    return this.user()?.roles.includes(role) ?? false;
  }

  start(auth: Pick<AuthResult, 'user' | 'accessToken' | 'refreshToken'>): void {
    this.write({ user: auth.user, accessToken: auth.accessToken, refreshToken: auth.refreshToken });
  }

  updateUser(user: UserProfile): void {
    const s = this.state();
    if (s) this.write({ ...s, user });
  }

  end(): void {
    this.write(null);
  }

  private write(value: Stored | null): void {
    this.state.set(value);
    try {
      if (value) this.storage?.setItem(STORAGE_KEY, JSON.stringify(value));
      else this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // Storage unavailable: the session lasts until the page is closed.
    }
  }

  private read(): Stored | null {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      const v = raw ? (JSON.parse(raw) as Stored) : null;
      return v && typeof v.accessToken === 'string' && v.user ? v : null;
    } catch {
      return null;
    }
  }
}
