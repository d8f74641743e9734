import {
  ArrayMaxSize,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { Type } from 'class-transformer';
import { toFieldProblems, withArgs } from './validation-errors';

class Inner {
  @IsIn(['a', 'b'], { each: true })
  @ArrayMaxSize(1, withArgs)
  codes: unknown = ['a', 'b', 'c'];
}

class Outer {
  @IsString()
  @IsNotEmpty()
  @MaxLength(3, withArgs)
  name: unknown = null;

  @MaxLength(3, withArgs)
  title = 'too long';

  @ValidateNested()
  @Type(() => Inner)
  inner = new Inner();
}

describe('toFieldProblems', () => {
  const problems = toFieldProblems(validateSync(new Outer()));

  it('reports one problem per field, the most basic first', () => {
    expect(problems.find((p) => p.field === 'name')).toEqual({
      field: 'name',
      rule: 'isNotEmpty',
      params: {},
    });
  });

  it('passes a rule’s limit through as a named parameter', () => {
    expect(problems.find((p) => p.field === 'title')).toEqual({
      field: 'title',
      rule: 'maxLength',
      params: { max: 3 },
    });
  });

  it('names nested fields with a dotted path', () => {
    expect(problems.map((p) => p.field)).toContain('inner.codes');
    expect(problems).toHaveLength(3);
  });
});
