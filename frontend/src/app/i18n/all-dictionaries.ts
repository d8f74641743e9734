import { ADMIN_TEXT } from '../admin/admin.text';
import { AUTHORING_TEXT } from '../authoring/authoring.text';
import { BANKS_TEXT } from '../banks/banks.text';
import { GRADING_TEXT } from '../grading/grading.text';
import { PROFILE_TEXT } from '../profile/profile.text';
import { STAFF_TEXT } from '../staff/staff.text';
import type { Dictionary } from './dictionary';

/** Every feature dictionary, for the spec that checks them (import it from specs only). */
export const ALL_DICTIONARIES: Dictionary<string>[] = [
  STAFF_TEXT,
  AUTHORING_TEXT,
  BANKS_TEXT,
  GRADING_TEXT,
  ADMIN_TEXT,
  PROFILE_TEXT,
];
