import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import {
  checkPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../../auth/password-policy';
import { checkIin } from '../../users/iin';
import { encodeProblem } from './validation-errors';

/** A Kazakhstan IIN: 12 digits, a real birth date, the official check digit. */
export function IsIin(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'iin',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && checkIin(value).ok,
        defaultMessage: (a?: ValidationArguments) => {
          const r = checkIin(typeof a?.value === 'string' ? a.value : '');
          return encodeProblem(r.ok ? 'format' : r.problem);
        },
      },
    });
}

/**
 * The password policy; reads `email` and `fullName` from the same body so a password built from
 * them is refused.
 */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  const problemOf = (a: ValidationArguments) => {
    const o = a.object as { email?: unknown; fullName?: unknown };
    return checkPassword(String(a.value ?? ''), {
      email: typeof o.email === 'string' ? o.email : undefined,
      fullName: typeof o.fullName === 'string' ? o.fullName : undefined,
    });
  };
  return (target, propertyName) =>
    registerDecorator({
      name: 'password',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown, a: ValidationArguments) =>
          typeof value === 'string' && problemOf(a) === null,
        defaultMessage: (a?: ValidationArguments) => {
          const p = a ? problemOf(a) : 'too_short';
          return encodeProblem(p ?? 'too_short', [
            p === 'too_long' ? PASSWORD_MAX_LENGTH : PASSWORD_MIN_LENGTH,
          ]);
        },
      },
    });
}
