/**
 * `hotpair probe <pair-file>`: both devices confirm every line the plan would send them, with
 * their own `?` help, before anything is pushed. Nothing is executed but the lines that enter a
 * view; a view that had to be created is journalled and removed again. Exit 0 when every line is
 * confirmed, 1 otherwise. Heavy modules are imported inside the action, as for `pair`.
 */
import type { Command } from 'commander';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../../core/base/product';
import type { DeviceKey, Pair } from '../../core/model/pair';
import type { PlatformPack } from '../../core/platforms/pack';
import type { JournalRecord } from '../../core/provision/journal';
import type { JournalSink, Session, SessionFactory } from '../../core/provision/types';
import type { ProbeResult } from '../../core/probe/types';
import { addConnectOptions, type CliConnectFlags, type TargetFlags } from '../credentials';
import { EXIT, type CliIo } from './pair';
import { t } from '../i18n';
import { errorLines } from '../error-text';

export interface ProbeFlags extends CliConnectFlags, TargetFlags {
  json?: boolean;
  pack?: string;
  writePack?: string;
}

/** Opening one device, login included. */
const CONNECT_MS = 60_000;
/** Reading both running configurations and asking every planned line (a slow console included). */
const PROBE_MS = 15 * 60_000;

const stdio: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/**
 * A journal that exists only once the probe creates a view: a probe that changed nothing leaves
 * no run behind. Its first record brings the run's header (targets, pre-probe configurations).
 */
class JournalOnDemand implements JournalSink {
  private file: { append(r: JournalRecord): void; close(): void } | undefined;
  constructor(
    private readonly open: () => { append(r: JournalRecord): void; close(): void },
    private readonly head: () => JournalRecord[],
  ) {}

  get opened(): boolean {
    return this.file !== undefined;
  }

  append(r: JournalRecord): void {
    if (!this.file) {
      this.file = this.open();
      for (const h of this.head()) this.file.append(h);
    }
    this.file.append(r);
  }

  close(): void {
    this.file?.close();
  }
}

export interface ProbeRunOptions {
  pair: Pair;
  pack: PlatformPack;
  flags: ProbeFlags;
  pairFile?: string;
  io?: CliIo;
  open?: SessionFactory;
  now?: () => Date;
}

export async function runProbeCli(o: ProbeRunOptions): Promise<number> {
  const io = o.io ?? stdio;
  const { pair, pack, flags } = o;
  const { pairTargetsOrSay } = await import('../connect-session');
  const targets = pairTargetsOrSay(pair, flags, (message) => io.err(`${t('error', { message })}\n`));
  if (!targets) return EXIT.usage;
  const { withTimeout } = await import('../../core/base/abort');
  const { toErrorInfo } = await import('../../core/base/errors');
  const { planDevice, isEmptyPlan } = await import('../../core/provision/plan');
  const { readRunning } = await import('../../core/provision/push');
  const { probePair } = await import('../../core/probe/pair');
  const { formatProbe, probeJson } = await import('../../core/probe/format');
  const { isConfirmed } = await import('../../core/probe/types');
  const { JournalFile, newJournalPath } = await import('../../core/provision/node/journal-file');
  const { dataDir } = await import('../../core/base/node/paths');
  const { randomUUID } = await import('node:crypto');
  const openSession = o.open ?? (await (await import('./pair')).cliSessionFactory(pair, flags));
  const names = { a: pair.devices.a.sysname, b: pair.devices.b.sysname };
  const now = o.now ?? (() => new Date());
  const ctrl = new AbortController();
  const onSigint = () => ctrl.abort();
  process.once('SIGINT', onSigint);
  const op = withTimeout(ctrl.signal, PROBE_MS, { limit: 'probe' });
  const sessions: Partial<Record<DeviceKey, Session>> = {};
  const running: Partial<Record<DeviceKey, string>> = {};
  const journalPath = newJournalPath(dataDir(), pair.name, now());
  const runId = randomUUID();
  const journal = new JournalOnDemand(
    () => new JournalFile(journalPath),
    () => [
      { type: 'run-start', runId, pair: pair.name, time: now().toISOString(), targets: { a: targets.a.text, b: targets.b.text }, tool: `${PRODUCT_NAME} ${PRODUCT_VERSION} probe`, ...(o.pairFile ? { pairFile: o.pairFile } : {}) },
      ...(['a', 'b'] as const).map((device): JournalRecord => ({ type: 'pre-config', device, text: running[device] ?? '' })),
    ],
  );
  let result: ProbeResult | undefined;
  try {
    if (!flags.json) io.out(`${t('probe.pairLine', { name: pair.name, a: names.a, aTarget: targets.a.text, b: names.b, bTarget: targets.b.text })}\n`);
    await Promise.all(
      (['a', 'b'] as const).map(async (k) => {
        const c = withTimeout(op.signal, CONNECT_MS, { limit: 'connect', device: k });
        try {
          sessions[k] = await openSession(k, c.signal);
        } finally {
          c.dispose();
        }
        running[k] = await readRunning(sessions[k], op.signal);
      }),
    );
    const s = sessions as Record<DeviceKey, Session>;
    const plans = { a: planDevice(pair, pack, 'a', running.a ?? ''), b: planDevice(pair, pack, 'b', running.b ?? '') };
    if (isEmptyPlan(plans.a) && isEmptyPlan(plans.b) && !flags.json) io.out(`${t('probe.nothing')}\n`);
    result = await probePair({ pair, pack, plans, sessions: s, signal: op.signal, journal });
    if (journal.opened) journal.append({ type: 'run-end', outcome: 'dry-run', time: now().toISOString(), message: 'probe: the views it created were removed again' });
  } catch (e) {
    const info = toErrorInfo(e);
    io.err(`${errorLines(info, { coded: true })}${journal.opened ? `${t('probe.journalLeft', { path: journalPath })}\n` : ''}`);
    return EXIT.failed;
  } finally {
    op.dispose();
    process.off('SIGINT', onSigint);
    journal.close();
    await Promise.all(Object.values(sessions).map((x) => x.close().catch(() => undefined)));
  }
  if (flags.json) io.out(`${JSON.stringify(probeJson(result), null, 2)}\n`);
  else io.out(formatProbe(result, names, (await import('../../i18n/node/cli-core')).cliCore()));
  if (flags.writePack) {
    const written = await writeOverlay(flags.writePack, pack, result, names, now());
    (flags.json ? io.err : io.out)(written);
  }
  return isConfirmed(result.a) && isConfirmed(result.b) ? EXIT.ok : EXIT.failed;
}

async function writeOverlay(file: string, pack: PlatformPack, result: ProbeResult, names: Record<DeviceKey, string>, when: Date): Promise<string> {
  const { writeFileSync } = await import('node:fs');
  const { packOverlay } = await import('../../core/probe/overlay');
  const o = packOverlay(pack, result, names, when);
  writeFileSync(file, `${JSON.stringify(o.pack, null, 2)}\n`);
  const marked = o.marked.length ? t('probe.marked', { count: o.marked.length, commands: o.marked.join(', ') }) : t('probe.markedNone');
  const unmatched = o.unmatched.length ? `\n  ${t('probe.unmatched', { lines: o.unmatched.join('; ') })}` : '';
  return `${t('probe.written', { file, marked })}${unmatched}\n  ${t('probe.loadWith', { file })}\n`;
}

export function registerProbe(program: Command): void {
  const cmd = program
    .command('probe <pair-file>')
    .description(t('probe.desc'))
    .option('--json', t('probe.json'))
    .option('--pack <FILE>', t('pair.opt.pack'))
    .option('--write-pack <FILE>', t('probe.writePack'));
  addConnectOptions(cmd, 'pair file').action(async (file: string, flags: ProbeFlags) => {
    const { readPairAndPack } = await import('../pair-file');
    const r = readPairAndPack(file, flags.pack);
    if (!r.ok) {
      process.stderr.write(r.message);
      process.exitCode = r.exit;
      return;
    }
    process.exitCode = await runProbeCli({ pair: r.pair, pack: r.pack, flags, pairFile: file });
  });
}
