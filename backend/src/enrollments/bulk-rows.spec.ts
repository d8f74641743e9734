import { makeIin } from '../users/iin';
import { parseBulkCsv } from './bulk-rows';

describe('bulk enrolment CSV', () => {
  const iin = makeIin('1985-04-12', 'female', 1234);

  it('reads `,` or `;` files with a BOM, any header case, and numbers lines from the header', () => {
    const r = parseBulkCsv(`\uFEFFTeacher;Cohort\r\nAigul@Mektep.KZ ; C-1\r\n\r\n${iin};C-1\r\n`);
    expect(r).toEqual({
      ok: true,
      problems: [],
      rows: [
        { line: 2, teacher: 'Aigul@Mektep.KZ', cohort: 'C-1', email: 'aigul@mektep.kz' },
        { line: 4, teacher: iin, cohort: 'C-1', iin },
      ],
    });
  });

  it('reports bad identifiers per row', () => {
    const bad = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
    const r = parseBulkCsv(`iin,cohort\n${bad},C-1\nАйгүл,C-1\n,C-1\n${iin},\n`);
    if (!r.ok) throw new Error('expected rows');
    expect(r.rows).toEqual([]);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'INVALID_IIN'],
      [3, 'INVALID_TEACHER'],
      [4, 'MISSING_VALUE'],
      [5, 'MISSING_VALUE'],
    ]);
  });

  it('refuses a file without the needed columns, or empty', () => {
    expect(parseBulkCsv('name,group\nx,y\n')).toEqual({ ok: false, rule: 'csv.header' });
    expect(parseBulkCsv('')).toEqual({ ok: false, rule: 'csv.empty' });
    expect(parseBulkCsv('teacher,cohort\n"unclosed,C-1\n')).toMatchObject({
      ok: false,
      rule: 'csv.syntax',
    });
  });
});
