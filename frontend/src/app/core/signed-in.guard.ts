import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { Session } from './session';

/** Pages of one's own: without a session, sign in first and come back here. */
export const signedIn: CanActivateFn = (_route, state) =>
  inject(Session).signedIn() ||
  inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
