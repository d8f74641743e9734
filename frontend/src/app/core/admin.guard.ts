import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { Session } from './session';

/** The staff console: administrators only (the API checks again on every request). */
export const adminOnly: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  if (session.hasRole('admin')) return true;
  return inject(Router).createUrlTree(session.signedIn() ? ['/courses'] : ['/sign-in'], {
    queryParams: session.signedIn() ? {} : { returnUrl: state.url },
  });
};
