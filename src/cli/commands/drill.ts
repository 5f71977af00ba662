/**
 * `hotpair drill <pair-file>`: a failover drill on a commissioned pair (src/core/drill): states what
 * it interrupts, asks, moves the Active role and back, and prints the measured figures. Every drill
 * is a run in the journal and an event in the monitor's history.
 */
import type { Command } from 'commander';
import type { DeviceKey } from '../../core/model/pair';
import { addConnectOptions } from '../credentials';
import { canAsk, EXIT, type CliIo, type PairFlags } from './pair';
import { t } from '../i18n';

/** `probe` here is the drill's targets (`pair --probe` is another thing), so it stays out of PairFlags. */
export interface DrillFlags extends Omit<PairFlags, 'probe'> {
  kind?: string[];
  probe?: string[];
  fallback?: boolean;
  json?: boolean;
  acceptRoleSwap?: boolean;
  db?: string;
}

const stdio: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export function registerDrill(program: Command): void {
  const cmd = program
    .command('drill <pair-file>')
    .description(t('drill.desc'))
    .option('--kind <kind...>', t('drill.kind'))
    .option('--probe <HOST:PORT...>', t('drill.probe'))
    .option('--fallback', t('drill.fallback'))
    .option('--yes', t('drill.yes'))
    .option('--accept-role-swap', t('drill.acceptRoleSwap'))
    .option('--json', t('drill.json'))
    .option('--pack <FILE>', t('op.pack'))
    .option('--db <FILE>', t('drill.db'));
  addConnectOptions(cmd, 'pair file').action(async (file: string, flags: DrillFlags) => {
    process.exitCode = await runDrillCli(file, flags);
  });
}

/** `--kind switchover` | `--kind link IF`, or a usage message. */
export function parseKind(words: readonly string[] | undefined): { ok: true; kind: import('../../core/drill/types').DrillKind } | { ok: false; message: string } {
  const [what, ...rest] = words ?? ['switchover'];
  if (what === 'switchover' && rest.length === 0) return { ok: true, kind: { kind: 'switchover' } };
  if (what === 'link' && rest.length === 1 && rest[0]) return { ok: true, kind: { kind: 'link', interface: rest[0] } };
  return { ok: false, message: t('drill.kindUsage') };
}

export async function runDrillCli(file: string, drillFlags: DrillFlags, io: CliIo = stdio): Promise<number> {
  const { probe: probeTexts, ...flags } = drillFlags;
  const kind = parseKind(flags.kind);
  if (!kind.ok) return usage(io, kind.message);
  const { parseProbe, pairRefusalSaid } = await import('../../core/drill/plan');
  const { cliCore } = await import('../../i18n/node/cli-core');
  const tr = cliCore();
  const probes = [];
  for (const p of probeTexts ?? []) {
    const r = parseProbe(p);
    if (!r.ok) return usage(io, tr.text(r.said.code, r.said.params, r.message));
    probes.push(r.target);
  }
  const { readPairAndPack } = await import('../pair-file');
  const r = readPairAndPack(file, flags.pack);
  if (!r.ok) {
    io.err(r.message);
    return r.exit;
  }
  const pair = r.pair;
  const no = pairRefusalSaid(pair, kind.kind);
  if (no) {
    io.err(`${t('run.refused', { reason: tr.text(no.code, no.params, no.text) })}\n`);
    return EXIT.failed;
  }
  if (!flags.yes && !canAsk()) return usage(io, t('drill.needsTerminal'));
  const { pairTargetsOrSay } = await import('../connect-session');
  let said = '';
  const targets = pairTargetsOrSay(pair, flags, (message) => (said = message));
  if (!targets) return usage(io, said);
  const management = await managementAddresses({ a: targets.a.target, b: targets.b.target });
  const { cliSessionFactory } = await import('./pair');
  const open = await cliSessionFactory(pair, flags);
  const { dataDir } = await import('../../core/base/node/paths');
  const { JournalFile, newJournalPath } = await import('../../core/provision/node/journal-file');
  const { runDrill } = await import('../../core/drill/run');
  const { tcpProber } = await import('../../core/drill/node/probes');
  const { formatPhase, formatStep, formatVerdict, planLines } = await import('../../core/drill/format');
  const { formatHealth } = await import('../../core/provision/format');
  const { PRODUCT_NAME, PRODUCT_VERSION } = await import('../../core/base/product');
  const { randomUUID } = await import('node:crypto');
  // With --json, stdout carries the one object: the story goes to stderr.
  const say = flags.json ? io.err : io.out;
  const journalPath = newJournalPath(dataDir(), pair.name);
  const journal = new JournalFile(journalPath);
  const ctrl = new AbortController();
  const onSigint = () => ctrl.abort();
  process.once('SIGINT', onSigint);
  const t0 = Date.now();
  try {
    say(`${t('run.pairLine', { name: pair.name, a: pair.devices.a.sysname, aTarget: targets.a.text, b: pair.devices.b.sysname, bTarget: targets.b.text })}\n`);
    const record = await runDrill({
      pair,
      pack: r.pack,
      kind: kind.kind,
      probes,
      ...(flags.fallback ? { fallback: true } : {}),
      open,
      prober: tcpProber,
      signal: ctrl.signal,
      management,
      journal,
      ...(flags.acceptRoleSwap ? { acceptRoleSwap: true } : {}),
      ...(flags.yes
        ? {}
        : {
            confirm: async (plan) => {
              const { terminalPromptIo } = await import('../credentials');
              return terminalPromptIo().ask(plan.confirmWord ? t('drill.typeWord', { word: plan.confirmWord }) : t('run.yesNo', { question: t('drill.confirm') }));
            },
          }),
      emit: (e) => {
        if (e.kind === 'step') say(formatStep(e.entry, t0, tr));
        else if (e.kind === 'plan') say(`\n${planLines(e.plan, tr).join('\n')}\n\n`);
        else if (e.kind === 'health') say(formatHealth(e.checks, t(e.when === 'before' ? 'drill.healthWhen.before' : 'drill.healthWhen.after'), tr));
        else say(formatPhase(e.figures, tr));
      },
      meta: { runId: randomUUID(), targets: { a: targets.a.text, b: targets.b.text }, tool: `${PRODUCT_NAME} ${PRODUCT_VERSION}`, pairFile: file },
    });
    await recordInHistory(record, journalPath, flags.db, say);
    const { summarize } = await import('../../core/drill/figures');
    if (flags.json) io.out(`${JSON.stringify({ ...summarize(record), journal: journalPath })}\n`);
    else io.out(`${formatVerdict(record, tr)}${t('journalLine', { path: journalPath })}\n`);
    if (record.outcome === 'passed') return EXIT.ok;
    return record.outcome === 'failed' && record.restored === false ? EXIT.rollbackIncomplete : EXIT.failed;
  } finally {
    process.off('SIGINT', onSigint);
    journal.close();
  }
}

function usage(io: CliIo, message: string): number {
  io.err(`${t('error', { message })}\n`);
  return EXIT.usage;
}

/** The address HotPair reaches each device at, resolved (the link rule compares addresses); undefined over the console. */
async function managementAddresses(t: Record<DeviceKey, import('../../core/model/connect').ConnectTarget>): Promise<Record<DeviceKey, string | undefined>> {
  const { lookup } = await import('node:dns/promises');
  const one = async (x: import('../../core/model/connect').ConnectTarget) => (x.kind === 'ssh' ? ((await lookup(x.host).catch(() => undefined))?.address ?? x.host) : undefined);
  const [a, b] = await Promise.all([one(t.a), one(t.b)]);
  return { a, b };
}

/** The drill as an event of the monitor's history; a history that cannot be written is said, not fatal. */
async function recordInHistory(record: import('../../core/drill/types').DrillRecord, journal: string, db: string | undefined, say: (t: string) => void): Promise<void> {
  try {
    const { EventStore } = await import('../../core/monitor/node/store');
    const { drillEvent } = await import('../../core/drill/event');
    const { defaultDbFile } = await import('./monitor');
    const store = new EventStore(db ?? defaultDbFile());
    try {
      store.record([drillEvent(record, journal)]);
    } finally {
      store.close();
    }
  } catch (e) {
    say(`${t('drill.noHistory', { message: (e as Error).message })}\n`);
  }
}
