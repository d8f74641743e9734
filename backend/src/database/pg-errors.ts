import { QueryFailedError } from 'typeorm';

/** The name of the unique constraint a write broke, or null if the error is something else. */
export function violatedUniqueConstraint(e: unknown): string | null {
  if (!(e instanceof QueryFailedError)) return null;
  const driver = e.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' ? (driver.constraint ?? '') : null;
}
