/**
 * Schema migrations, numbered by SQLite's `user_version`. Append only: a released step is never
 * edited, because some engineer's laptop already ran it.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../base/errors';

export const MIGRATIONS: readonly string[] = [
  // 1: events, one row per event id (revisions overwrite), JSON body for forward compatibility.
  `CREATE TABLE events (
     id TEXT PRIMARY KEY,
     rev INTEGER NOT NULL,
     pair TEXT NOT NULL,
     device TEXT,
     kind TEXT NOT NULL,
     time INTEGER NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX events_pair_time ON events (pair, time);
   CREATE INDEX events_time ON events (time);`,
  // 2: runs of the monitor, so history can say when nobody was watching.
  `CREATE TABLE runs (
     id TEXT PRIMARY KEY,
     started INTEGER NOT NULL,
     host TEXT,
     pairs TEXT NOT NULL
   );`,
];

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database.Database): void {
  const from = schemaVersion(db);
  if (from > MIGRATIONS.length) {
    const params = { found: String(from), supported: String(MIGRATIONS.length) };
    throw new AppError('UNSUPPORTED', `monitor database schema ${from} is newer than this HotPair (${MIGRATIONS.length})`, {
      fix: 'upgrade HotPair, or give the monitor another database file (--db)',
      message: { key: 'monitor.db-newer', params },
    });
  }
  for (let v = from; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
