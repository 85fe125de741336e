import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors.ts';
import { PROBLEMS } from '../../src/server/problem.ts';

it('documents every error code with its status in docs/errors.md', () => {
  const docs = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const documented = new Map(
    [...docs.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((match) => [match[1]!, Number(match[2])]),
  );
  expect([...documented.keys()].sort()).toEqual([...ERROR_CODES].sort());
  for (const code of ERROR_CODES) expect([code, documented.get(code)]).toEqual([code, PROBLEMS[code].status]);
});
