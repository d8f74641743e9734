import { joinMissing, missingPrerequisites } from './prerequisites';

const none = { certified: [], subjects: [], exception: false };

describe('ladder prerequisites', () => {
  it('lets every teacher into Acquire', () => {
    expect(missingPrerequisites('acquire', none)).toEqual([]);
  });

  it('needs an Acquire certificate for Deepen', () => {
    expect(missingPrerequisites('deepen', none).map((m) => m.en)).toEqual([
      'a valid Acquire certificate of attendance',
    ]);
    expect(missingPrerequisites('deepen', { ...none, certified: ['acquire'] })).toEqual([]);
  });

  it('needs Deepen and informatics for Create, and names both when both are missing', () => {
    const missing = missingPrerequisites('create', { ...none, certified: ['acquire'] });
    expect(joinMissing(missing).en).toBe(
      'a valid Deepen certificate and informatics among the subjects in your profile',
    );
    expect(joinMissing(missing).kk).toContain('Информатика');
    expect(
      missingPrerequisites('create', { ...none, certified: ['deepen'], subjects: ['maths'] }),
    ).toHaveLength(1);
    expect(
      missingPrerequisites('create', { ...none, certified: ['deepen'], subjects: ['informatics'] }),
    ).toEqual([]);
  });

  it('lets an exception through', () => {
    expect(missingPrerequisites('create', { ...none, exception: true })).toEqual([]);
  });
});
