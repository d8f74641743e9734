import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';
import { normaliseEmail } from '../../users/email';

/** Trims strings (pasted values often carry spaces); leaves other types for the validators to reject. */
export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** See `normaliseEmail`. */
export const NormaliseEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? normaliseEmail(value) : value));

/** For required columns edited by PATCH: absent means "keep", but null is validated (and refused), never stored. */
export const IsAbsentOrValid = () =>
  ValidateIf((_: unknown, value: unknown) => value !== undefined);
