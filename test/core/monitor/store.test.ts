import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, schemaVersion } from '../../../src/core/monitor/node/migrations';
import { EventStore } from '../../../src/core/monitor/node/store';
import type { MonitorEvent } from '../../../src/core/monitor/types';
import { T0 } from './fixtures';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'hotpair-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const sw = (id: string, time: number, pair = 'p1', rev = 0): MonitorEvent => ({
  id,
  rev,
  pair,
  time,
  kind: 'switchover',
  device: 'b',
  from: 'Standby',
  to: 'Active',
  cause: rev ? 'Peer lost' : 'unknown',
  seenBy: rev ? 'both' : 'poll',
});

describe('EventStore', () => {
  it('opens in WAL with synchronous FULL and the latest schema', () => {
    const s = new EventStore(join(tmp(), 'sub', 'm.sqlite'));
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(schemaVersion(s.db)).toBe(MIGRATIONS.length);
    s.close();
  });

  it('upserts revisions by id and never lets an older revision overwrite a newer one', () => {
    const s = new EventStore(':memory:', { retentionDays: 0 });
    s.record([sw('e1', T0)]);
    s.record([sw('e1', T0, 'p1', 1)]);
    s.record([sw('e1', T0, 'p1', 0)]);
    const h = s.history();
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ rev: 1, seenBy: 'both', cause: 'Peer lost' });
    s.close();
  });

  it('queries by pair, since and kinds, in time order', () => {
    const s = new EventStore(':memory:', { retentionDays: 0 });
    s.record([sw('e2', T0 + 2), sw('e1', T0 + 1), sw('e3', T0 + 3, 'p2')]);
    s.record([{ id: 'e4', rev: 0, pair: 'p1', time: T0 + 4, kind: 'device-unreachable', device: 'a', error: 'x' }]);
    expect(s.history({ pair: 'p1' }).map((e) => e.id)).toEqual(['e1', 'e2', 'e4']);
    expect(s.history({ since: T0 + 2 }).map((e) => e.id)).toEqual(['e2', 'e3', 'e4']);
    expect(s.history({ kinds: ['device-unreachable'] }).map((e) => e.id)).toEqual(['e4']);
    expect(s.history({ pair: 'p1', kinds: ['switchover', 'alert'], limit: 1 }).map((e) => e.id)).toEqual(['e1']);
    expect(s.pairs()).toEqual(['p1', 'p2']);
    s.close();
  });

  it('retention deletes events older than N days, on open and on prune', () => {
    const file = join(tmp(), 'r.sqlite');
    const now = Date.now();
    const s = new EventStore(file, { retentionDays: 0 });
    s.record([sw('old', now - 10 * 86_400_000), sw('new', now - 86_400_000)]);
    s.close();
    const s2 = new EventStore(file, { retentionDays: 7 });
    expect(s2.history().map((e) => e.id)).toEqual(['new']);
    expect(s2.prune(now + 7 * 86_400_000)).toBe(1);
    s2.close();
  });

  it('migrates an older database forward and refuses a newer one', () => {
    const file = join(tmp(), 'm.sqlite');
    const db = new Database(file);
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO events VALUES ('x', 0, 'p', NULL, 'alert', 1, '{}')").run();
    db.close();
    const s = new EventStore(file, { retentionDays: 0 });
    expect(schemaVersion(s.db)).toBe(MIGRATIONS.length);
    s.recordRun({ id: 'run1', started: 5, pairs: ['p'] });
    expect(s.runs()).toEqual([{ id: 'run1', started: 5, pairs: ['p'] }]);
    s.close();
    const db2 = new Database(file);
    db2.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db2.close();
    expect(() => new EventStore(file)).toThrow(/newer than this HotPair/);
  });

  it('loses nothing it had recorded when the writer is killed with SIGKILL', async () => {
    const file = join(tmp(), 'k.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', join(dirname(fileURLToPath(import.meta.url)), 'helpers', 'kill9-writer.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: string[] = [];
    let buf = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('writer produced too little')), 15_000);
      child.stdout!.on('data', (c: Buffer) => {
        buf += c.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        acknowledged.push(...lines.filter(Boolean));
        if (acknowledged.length >= 200 && !child.killed) {
          child.kill('SIGKILL');
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code, sig) => {
        if (sig !== 'SIGKILL') reject(new Error(`writer exited early: ${code}`));
      });
    });
    await new Promise((r) => child.once('close', r));
    expect(child.signalCode).toBe('SIGKILL');
    // Whatever was printed after the last read is still acknowledged: read to the end of the pipe.
    const s = new EventStore(file, { retentionDays: 0 });
    const stored = new Set(s.history().map((e) => e.id));
    s.close();
    const missing = acknowledged.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
  }, 30_000);
});
