import type { FastifyReply, FastifyRequest } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import { type Db, isPostgres } from '../../db/connect.ts';

/**
 * The database's data version: a value that differs after anything at all was committed, by this
 * server or by any other process or instance, so that an answer computed at one version can be
 * given again, unchanged, while the version stays the same.
 *
 * - SQLite: the changes this connection made since it opened (`total_changes()`, every row written
 *   by INSERT, UPDATE or DELETE, triggers included) with `PRAGMA data_version`, which changes when
 *   another connection (another process) commits.
 * - PostgreSQL: the current snapshot (`pg_current_snapshot()`): the same text means the same set of
 *   committed transactions, for every instance sharing the database (a read-only transaction
 *   changes nothing; a write changes it as it ends).
 *
 * It is coarse (any write anywhere invalidates everything) but never misses a write.
 */
export function dataVersion(db: Db): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`pg_current_snapshot()::text`
    : sql<string>`total_changes() || ':' || (select data_version from pragma_data_version)`;
}

export async function readDataVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ version: string }>`select ${dataVersion(db)} as version`.execute(db);
  return rows[0]!.version;
}

const VERSION = Symbol('dataVersion');
type WithVersion = FastifyRequest & { [VERSION]?: string };

/** Keeps the data version read with the session (before any work of the request), saving a query. */
export function keepDataVersion(request: FastifyRequest, version: string): void {
  (request as WithVersion)[VERSION] = version;
}

interface Entry {
  version: string;
  /** UTF-8 already: sent again without being encoded or measured again. */
  body: Buffer;
}

/**
 * Serialised answers of reads, each tagged with the data version read before it was computed, and
 * given again only while the version is unchanged. Read before the work, the tag is never newer
 * than the data: a write during the work leaves the entry tagged with a version that is already
 * gone, and the next read computes the answer again. Bounded by the total size of its answers;
 * the least recently used go first.
 */
export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  #size = 0;

  constructor(
    private readonly db: Db,
    private readonly maxBytes: number,
  ) {}

  /**
   * The answer to `key` at the current version: the kept one, or `produce()`'s, then kept. A request
   * with `Cache-Control: no-cache` has it computed afresh (what `npm run bench` times).
   */
  async answer(request: FastifyRequest, key: string, produce: () => Promise<string>): Promise<Buffer> {
    const version = (request as WithVersion)[VERSION] ?? (await readDataVersion(this.db));
    const entry = this.#entries.get(key);
    if (entry && !request.headers['cache-control']?.includes('no-cache')) {
      this.#drop(key, entry);
      if (entry.version === version) {
        this.#entries.set(key, entry);
        this.#size += entry.body.length;
        return entry.body;
      }
    }
    const body = Buffer.from(await produce());
    if (body.length <= this.maxBytes / 4) {
      const previous = this.#entries.get(key);
      if (previous) this.#drop(key, previous);
      this.#entries.set(key, { version, body });
      this.#size += body.length;
      for (const [oldest, old] of this.#entries) {
        if (this.#size <= this.maxBytes) break;
        this.#drop(oldest, old);
      }
    }
    return body;
  }

  #drop(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#size -= entry.body.length;
  }
}

/**
 * Sends an answer serialised by the route's response schema (`reply.serialize`), as it is: a JSON
 * string with a JSON content type is not serialised again.
 */
export function sendSerialised(reply: FastifyReply, body: Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(body);
}
