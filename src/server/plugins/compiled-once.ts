import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from '../../db/connect.ts';

/**
 * A query of every request, built and compiled by Kysely once per database and then only run with
 * new values: building and compiling it cost three times what running it does. `build` must use
 * its arguments as values only (never to choose the shape of the query): it is called once, with
 * placeholders, and the compiled SQL is reused with the real values in their places.
 */
export function compiledOnce<Args extends unknown[], Row>(
  build: (db: Db, ...args: Args) => Compilable<Row>,
): (db: Db, ...args: Args) => Promise<Row[]> {
  const compiled = new WeakMap<Db, { query: CompiledQuery<Row>; slots: readonly Slot[] }>();
  return async (db, ...args) => {
    let entry = compiled.get(db);
    if (!entry) {
      const placeholders = args.map((_, index) => ({ placeholder: index }));
      const query = build(db, ...(placeholders as Args)).compile();
      const slots = query.parameters.map((value): Slot => {
        const index = placeholders.indexOf(value as (typeof placeholders)[number]);
        return index >= 0 ? { arg: index } : { value };
      });
      entry = { query, slots };
      compiled.set(db, entry);
    }
    const parameters = entry.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.value));
    const { rows } = await db.executeQuery<Row>({ ...entry.query, parameters });
    return rows;
  };
}

type Slot = { arg: number } | { value: unknown };
