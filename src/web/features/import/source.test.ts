import { describe, expect, it } from 'vitest';
import { bodyOf, freshSource } from './source.ts';

const file = { name: 'bank.csv', size: 4, content: 'YWJjZA==' };

describe('the preview and commit request', () => {
  it('sends only what is set: the file, the account, and nothing else by default', () => {
    expect(bodyOf({ ...freshSource(3), file })).toEqual({
      fileName: 'bank.csv',
      content: 'YWJjZA==',
      accountId: 3,
    });
  });

  it('sends the date answer as the mapping, and the whole layout once applied (its date format wins)', () => {
    const answered = { ...freshSource(3), file, dateFormat: 'DD/MM/YYYY' as const };
    expect(bodyOf(answered).mapping).toEqual({ dateFormat: 'DD/MM/YYYY' });
    const layout = { delimiter: ';', dateFormat: 'YYYY-MM-DD' } as never;
    expect(bodyOf({ ...answered, mapping: layout }).mapping).toBe(layout);
  });

  it('names the statements that go elsewhere than the main account', () => {
    const source = {
      ...freshSource(3),
      file,
      statementAccounts: new Map([
        [0, 3],
        [1, 8],
      ]),
      qifDateOrder: 'DMY' as const,
    };
    expect(bodyOf(source)).toMatchObject({
      statementAccounts: [{ statement: 1, accountId: 8 }],
      qifDateOrder: 'DMY',
    });
  });
});
