import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Role } from '@qadam/contracts';
import { STAFF_ROLES, Session } from './session';

/** Staff screens for any of `roles` (the API checks again on every request). */
export function withRole(...roles: Role[]): CanActivateFn {
  return (_route, state) => {
    const session = inject(Session);
    if (roles.some((r) => session.hasRole(r))) return true;
    return inject(Router).createUrlTree(session.signedIn() ? ['/courses'] : ['/sign-in'], {
      queryParams: session.signedIn() ? {} : { returnUrl: state.url },
    });
  };
}

export const adminOnly = withRole('admin');
export const staffOnly = withRole(...STAFF_ROLES);
