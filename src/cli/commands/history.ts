import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { parseDurationMs } from '../../core/monitor/duration';
import { EventStore } from '../../core/monitor/node/store';
import { EVENT_KINDS, type MonitorEvent, type MonitorEventKind } from '../../core/monitor/types';
import { clock, describe, eventLine } from '../../core/monitor/view';
import { defaultDbFile } from './monitor';

export interface HistoryCliOptions {
  db?: string;
  since: string;
  kind?: string;
  json?: boolean;
  csv?: boolean;
  color?: boolean;
}

const CSV_COLUMNS = ['time', 'pair', 'device', 'kind', 'summary', 'seen_by', 'from', 'to', 'cause', 'id', 'rev'] as const;

const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(events: readonly MonitorEvent[]): string {
  const rows = events.map((e) => {
    const r = e as unknown as Partial<Record<string, unknown>>;
    const cells: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      time: new Date(e.time).toISOString(),
      pair: e.pair,
      device: r.device,
      kind: e.kind,
      summary: describe(e),
      seen_by: r.seenBy,
      from: r.from,
      to: r.to,
      cause: r.cause,
      id: e.id,
      rev: e.rev,
    };
    return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** Returns the exit code: 0 printed (even nothing), 2 bad arguments or no database. */
export function runHistory(pair: string, o: HistoryCliOptions, io: { out: (s: string) => void; err: (s: string) => void; tty: boolean }, now = Date.now()): number {
  const fail = (m: string) => {
    io.err(`hotpair history: ${m}\n`);
    return 2;
  };
  if (o.json && o.csv) return fail('choose one of --json and --csv');
  const sinceMs = /^all$/i.test(o.since) ? undefined : parseDurationMs(o.since);
  if (sinceMs !== undefined && !Number.isFinite(sinceMs)) return fail(`--since "${o.since}": expected a duration such as 24h, 7d, or "all"`);
  const kinds = o.kind ? o.kind.split(',').map((k) => k.trim()) : undefined;
  const bad = kinds?.filter((k) => !(EVENT_KINDS as readonly string[]).includes(k));
  if (bad && bad.length) return fail(`unknown kind ${bad.join(', ')}; kinds: ${EVENT_KINDS.join(', ')}`);
  const file = o.db ?? defaultDbFile();
  // Never create an empty database just to say there is nothing in it.
  if (!existsSync(file)) return fail(`no history at ${file} (run hotpair monitor first, or pass --db)`);
  const store = new EventStore(file, { retentionDays: 0 });
  try {
    const events = store.history({
      ...(pair === '*' || pair === 'all' ? {} : { pair }),
      ...(sinceMs !== undefined ? { since: now - sinceMs } : {}),
      ...(kinds ? { kinds: kinds as MonitorEventKind[] } : {}),
    });
    if (o.json) io.out(`${JSON.stringify(events, null, 2)}\n`);
    else if (o.csv) io.out(toCsv(events));
    else if (events.length === 0) {
      const known = store.pairs();
      io.out(`no events for ${pair} since ${sinceMs !== undefined ? clock(now - sinceMs) : 'the beginning'}${known.length && !known.includes(pair) && pair !== '*' && pair !== 'all' ? ` (pairs in this history: ${known.join(', ')})` : ''}\n`);
    } else for (const e of events) io.out(`${eventLine(e, o.color !== false && io.tty, false)}\n`);
    return 0;
  } finally {
    store.close();
  }
}

export function registerHistory(program: Command): void {
  program
    .command('history <pair>')
    .description('events the monitor recorded for a pair ("all" for every pair)')
    .option('--db <file>', `history database (default ${defaultDbFile()})`)
    .option('--since <duration>', 'how far back, e.g. 24h, 7d, or all', '24h')
    .option('--kind <kinds>', `comma-separated: ${EVENT_KINDS.join(', ')}`)
    .option('--json', 'JSON array')
    .option('--csv', 'CSV with a header row')
    .option('--no-color', 'plain text')
    .action((pair: string, o: HistoryCliOptions) => {
      process.exitCode = runHistory(pair, o, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), tty: process.stdout.isTTY === true });
    });
}
