import { parse } from 'csv-parse/sync';
import type { LocalizedText } from '@qadam/contracts';
import { normaliseEmail } from '../users/email';
import { checkIin } from '../users/iin';

export type RowCode =
  | 'MISSING_VALUE'
  | 'INVALID_TEACHER'
  | 'INVALID_IIN'
  | 'UNKNOWN_TEACHER'
  | 'UNKNOWN_COHORT'
  | 'DUPLICATE_ROW'
  | 'ALREADY_ENROLLED'
  | 'COHORT_FULL'
  | 'LADDER_PREREQUISITE';

/** A row problem as stored with the job; localised when the report is read. */
export interface StoredRowProblem {
  line: number;
  teacher: string;
  cohort: string;
  code: RowCode;
  params?: Record<string, string | number | LocalizedText>;
}

export interface BulkRow {
  line: number;
  teacher: string;
  cohort: string;
  /** Set when `teacher` is a valid e-mail or IIN. */
  email?: string;
  iin?: string;
}

export const ROW_MESSAGES: Record<RowCode, LocalizedText> = {
  MISSING_VALUE: {
    kk: 'Педагог (e-mail немесе ЖСН) мен топ коды толтырылуы керек.',
    ru: 'Нужно указать педагога (e-mail или ИИН) и код группы.',
    en: 'Both the teacher (e-mail or IIN) and the cohort code are required.',
  },
  INVALID_TEACHER: {
    kk: '«{teacher}» e-mail да, ЖСН да емес.',
    ru: '«{teacher}» не является ни e-mail, ни ИИН.',
    en: '"{teacher}" is neither an e-mail address nor an IIN.',
  },
  INVALID_IIN: {
    kk: 'ЖСН қате: {problem}.',
    ru: 'Неверный ИИН: {problem}.',
    en: 'Invalid IIN: {problem}.',
  },
  UNKNOWN_TEACHER: {
    kk: 'Мұндай e-mail немесе ЖСН бар тіркелгі табылмады.',
    ru: 'Учётная запись с таким e-mail или ИИН не найдена.',
    en: 'No account has this e-mail or IIN.',
  },
  UNKNOWN_COHORT: {
    kk: '«{cohort}» коды бар топ (немесе МАОК) табылмады.',
    ru: 'Группа (или МООК) с кодом «{cohort}» не найдена.',
    en: 'No cohort (or MOOC) has the code "{cohort}".',
  },
  DUPLICATE_ROW: {
    kk: 'Бұл педагог осы курсқа файлда {first}-жолда бұрын көрсетілген.',
    ru: 'Этот педагог уже указан для этого курса в строке {first}.',
    en: 'This teacher is already listed for this course on line {first}.',
  },
  ALREADY_ENROLLED: {
    kk: 'Педагог бұл курсқа жазылған немесе өтінімі қаралуда.',
    ru: 'Педагог уже записан на этот курс или его заявка рассматривается.',
    en: 'The teacher is already enrolled in this course or has an application pending.',
  },
  COHORT_FULL: {
    kk: '«{cohort}» тобында бос орын қалмады ({seats} орын).',
    ru: 'В группе «{cohort}» не осталось мест ({seats} мест).',
    en: 'Cohort "{cohort}" has no seats left ({seats} seats).',
  },
  LADDER_PREREQUISITE: {
    kk: 'Педагогқа мыналар жетіспейді: {missing}.',
    ru: 'Педагогу не хватает: {missing}.',
    en: 'The teacher lacks: {missing}.',
  },
};

const IIN_PROBLEMS: Record<string, LocalizedText> = {
  format: { kk: '12 цифр болуы керек', ru: 'должно быть 12 цифр', en: 'it must be 12 digits' },
  century: {
    kk: '7-цифр (ғасыр мен жыныс) қате',
    ru: 'неверная 7-я цифра (век и пол)',
    en: 'the 7th digit (century and sex) is wrong',
  },
  date: { kk: 'туған күні қате', ru: 'неверная дата рождения', en: 'the birth date is wrong' },
  checksum: {
    kk: 'бақылау цифры сәйкес келмейді',
    ru: 'не сходится контрольная цифра',
    en: 'the check digit does not match',
  },
};

export type HeaderProblem = 'csv.header' | 'csv.syntax' | 'csv.empty';

/**
 * Reads the CSV: a header naming `cohort` and one of `teacher`, `email`, `iin` (any case, in
 * any order; `;` or `,` separated, as spreadsheets in Kazakhstan often save with `;`).
 */
export function parseBulkCsv(
  csv: string,
):
  | { ok: true; rows: BulkRow[]; problems: StoredRowProblem[] }
  | { ok: false; rule: HeaderProblem; params?: Record<string, string | number> } {
  const firstLine = csv.slice(0, csv.search(/\r?\n|$/));
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (e) {
    return {
      ok: false,
      rule: 'csv.syntax',
      params: { line: (e as { lines?: number }).lines ?? 0 },
    };
  }
  if (!firstLine.trim()) return { ok: false, rule: 'csv.empty' };
  const columns = firstLine
    .replace(/^\uFEFF/, '')
    .split(delimiter)
    .map((h) => h.trim().toLowerCase());
  const teacherColumn = ['teacher', 'email', 'iin'].find((c) => columns.includes(c));
  if (!teacherColumn || !columns.includes('cohort')) return { ok: false, rule: 'csv.header' };

  const rows: BulkRow[] = [];
  const problems: StoredRowProblem[] = [];
  for (const { record, info } of records) {
    const teacher = (record[teacherColumn] ?? '').trim();
    const cohort = (record.cohort ?? '').trim();
    const row: BulkRow = { line: info.lines, teacher, cohort };
    if (!teacher || !cohort) {
      problems.push({ line: row.line, teacher, cohort, code: 'MISSING_VALUE' });
      continue;
    }
    if (teacher.includes('@')) {
      row.email = normaliseEmail(teacher);
    } else if (/^\d+$/.test(teacher.replace(/\s/g, ''))) {
      const iin = teacher.replace(/\s/g, '');
      const check = checkIin(iin);
      if (!check.ok) {
        problems.push({
          line: row.line,
          teacher,
          cohort,
          code: 'INVALID_IIN',
          params: { problem: IIN_PROBLEMS[check.problem] },
        });
        continue;
      }
      row.iin = iin;
    } else {
      problems.push({
        line: row.line,
        teacher,
        cohort,
        code: 'INVALID_TEACHER',
        params: { teacher },
      });
      continue;
    }
    rows.push(row);
  }
  return { ok: true, rows, problems };
}
