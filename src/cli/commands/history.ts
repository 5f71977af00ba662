import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { parseDurationMs } from '../../core/monitor/duration';
import { EventStore } from '../../core/monitor/node/store';
import { EVENT_KINDS, type MonitorEvent, type MonitorEventKind } from '../../core/monitor/types';
import { clock, describe, eventLine } from '../../core/monitor/view';
import { cliCore } from '../../i18n/node/cli-core';
import { defaultDbFile } from './monitor';
import { t } from '../i18n';

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
    io.err(`${t('commandError', { command: 'history', message: m })}\n`);
    return 2;
  };
  if (o.json && o.csv) return fail(t('history.bothFormats'));
  const sinceMs = /^all$/i.test(o.since) ? undefined : parseDurationMs(o.since);
  if (sinceMs !== undefined && !Number.isFinite(sinceMs)) return fail(t('history.badSince', { since: o.since }));
  const kinds = o.kind ? o.kind.split(',').map((k) => k.trim()) : undefined;
  const bad = kinds?.filter((k) => !(EVENT_KINDS as readonly string[]).includes(k));
  if (bad && bad.length) return fail(t('history.badKind', { bad: bad.join(', '), kinds: EVENT_KINDS.join(', ') }));
  const file = o.db ?? defaultDbFile();
  // Never create an empty database just to say there is nothing in it.
  if (!existsSync(file)) return fail(t('history.noDb', { path: file }));
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
      const others = known.length && !known.includes(pair) && pair !== '*' && pair !== 'all' ? known.join(', ') : 'none';
      io.out(`${t('history.none', { pair, since: sinceMs !== undefined ? clock(now - sinceMs) : 'beginning', known: others })}\n`);
    } else for (const e of events) io.out(`${eventLine(e, o.color !== false && io.tty, false, cliCore())}\n`);
    return 0;
  } finally {
    store.close();
  }
}

export function registerHistory(program: Command): void {
  program
    .command('history <pair>')
    .description(t('history.desc'))
    .option('--db <file>', t('history.db', { path: defaultDbFile() }))
    .option('--since <duration>', t('history.since'), '24h')
    .option('--kind <kinds>', t('history.kind', { kinds: EVENT_KINDS.join(', ') }))
    .option('--json', t('history.json'))
    .option('--csv', t('history.csv'))
    .option('--no-color', t('noColor'))
    .action((pair: string, o: HistoryCliOptions) => {
      process.exitCode = runHistory(pair, o, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), tty: process.stdout.isTTY === true });
    });
}
