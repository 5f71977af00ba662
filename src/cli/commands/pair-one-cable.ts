/**
 * `hotpair pair <file> --one-cable --console serial:///dev/ttyUSB0?baud=auto`: the pair
 * commissioned through one console cable (core/provision/one-cable). The cable's moves are seen on
 * the port itself (its name goes away and comes back); a console reached another way (SSH, a
 * terminal server) waits for the engineer's Enter instead. `--json` prints one object per step.
 * `--resume <journal>` and `hotpair recover` take up an interrupted run from its journal.
 */
import type { DeviceKey, Pair } from '../../core/model/pair';
import type { PlatformPack } from '../../core/platforms/pack';
import type { OneCableEvent, OneCableResult } from '../../core/provision/one-cable/types';
import type { WorkflowEvent } from '../../core/provision/types';
import { canAsk, EXIT, printEvent, report, type CliIo, type PairFlags } from './pair';
import { t } from '../i18n';
import { connectUrlRefusal } from '../error-text';
import { cliProgress } from '../../i18n/node/cli-core';

export interface OneCableFlags extends PairFlags {
  oneCable?: boolean;
  /** The console the cable is on: default --a, then device A's connect URL in the pair file. */
  console?: string;
  resume?: string;
  json?: boolean;
  /** Seconds a port that never goes away waits, with nobody to press Enter, before the device on it is tried (default ASSUME_MOVED_AFTER_S). */
  assumeMovedAfter?: string;
}

/**
 * Without a terminal, how long an unchanged port (the USB adapter left in, only the RJ45 end
 * moved) is waited on before the device on it is tried: time enough to walk to the other device
 * and plug in, short enough that a script is not left hanging. The identity check refuses A.
 */
export const ASSUME_MOVED_AFTER_S = 60;

/** Resolves on a line on stdin (Enter on a terminal, a newline from a script driving --json); never on a closed stdin. */
function lineOnStdin(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    const finish = (f: () => void) => {
      stdin.off('data', onData);
      stdin.pause();
      signal.removeEventListener('abort', onAbort);
      f();
    };
    const onData = (b: Buffer) => /[\r\n]/.test(b.toString()) && finish(resolve);
    const onAbort = () => finish(() => reject(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    stdin.on('data', onData);
    stdin.resume();
  });
}

const stdio: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export interface OneCableRun {
  pair: Pair;
  pack: PlatformPack;
  flags: OneCableFlags;
  pairFile?: string;
  io?: CliIo;
}

function jsonLine(e: OneCableEvent): Record<string, unknown> {
  if (e.kind === 'step') return { step: e.step, ...(e.to ? { to: e.to } : {}), ...(e.device ? { device: e.device } : {}), text: e.text, ...(e.code ? { code: e.code, params: e.params ?? {} } : {}) };
  const { kind, ...rest } = e;
  return { step: kind, ...rest };
}

export async function runOneCableCli(o: OneCableRun): Promise<number> {
  const io = o.io ?? stdio;
  const { pair, pack, flags } = o;
  const ask = !flags.yes && canAsk();
  if (!flags.yes && !flags.dryRun && !ask) {
    io.err(`${t('run.needsTerminal')}\n`);
    return EXIT.usage;
  }
  const { parseConnectUrl, formatConnectTarget } = await import('../../core/model/connect');
  const url = flags.console ?? flags.a ?? pair.devices.a.connect;
  const parsed = url === undefined ? undefined : parseConnectUrl(url);
  if (!parsed?.ok) {
    io.err(`${t('error', { message: parsed ? connectUrlRefusal(parsed) : t('oneCable.noConsole') })}\n`);
    return EXIT.usage;
  }
  const target = parsed.target;
  const presumeS = flags.assumeMovedAfter !== undefined ? Number(flags.assumeMovedAfter) : ASSUME_MOVED_AFTER_S;
  if (!(presumeS > 0)) {
    io.err(`${t('oneCable.assumeMoved', { value: String(flags.assumeMovedAfter) })}\n`);
    return EXIT.usage;
  }
  // Someone at a terminal confirms with Enter; without one, an unchanged port is tried after a while.
  const presumeMs = target.kind === 'serial' && !ask ? presumeS * 1000 : undefined;
  const { readFileSync } = await import('node:fs');
  const { runOneCable } = await import('../../core/provision/one-cable/workflow');
  const { probePart } = await import('../../core/provision/one-cable/probe');
  const { portIdentity, waitForCableMove } = await import('../../core/provision/one-cable/node/replug');
  const { JournalFile, newJournalPath } = await import('../../core/provision/node/journal-file');
  const { dataDir } = await import('../../core/base/node/paths');
  const { openCliSession } = await import('../connect-session');
  const { terminalPromptIo } = await import('../credentials');
  const { randomUUID } = await import('node:crypto');
  const { PRODUCT_NAME, PRODUCT_VERSION } = await import('../../core/base/product');
  let resume: string | undefined;
  if (flags.resume !== undefined) {
    try {
      resume = readFileSync(flags.resume, 'utf8');
    } catch (e) {
      io.err(`${t('oneCable.journalUnreadable', { file: flags.resume, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message })}\n`);
      return EXIT.usage;
    }
  }
  const journalPath = flags.resume ?? newJournalPath(dataDir(), pair.name);
  const journal = new JournalFile(journalPath);
  const ctrl = new AbortController();
  const onSigint = () => ctrl.abort();
  process.once('SIGINT', onSigint);
  const prompt = ask ? terminalPromptIo() : undefined;
  const yesNo = async (q: string) => (prompt ? /^y(es)?$/i.test((await prompt.ask(t('run.yesNo', { question: q }))).trim()) : true);
  const print = printEvent(io, { a: pair.devices.a.sysname, b: pair.devices.b.sysname });
  let chain = Promise.resolve();
  const show = (e: OneCableEvent) => {
    if (flags.json) return io.out(`${JSON.stringify(jsonLine(e))}\n`);
    if (e.kind === 'step') return io.out(`\n== ${cliProgress(e)}\n`);
    if (e.kind === 'device-plan') return io.out(`${t('oneCable.devicePlan', { device: e.device.toUpperCase(), add: e.plan.add.length, remove: e.plan.remove.length, unchanged: e.plan.unchanged })}\n${e.plan.remove.map((l) => `  - ${l}\n`).join('')}${e.plan.add.map((l) => `  + ${l}\n`).join('')}`);
    chain = chain.then(() => print(e as WorkflowEvent));
  };
  let since: string | undefined;
  const isSerial = target.kind === 'serial';
  const timeouts = { ...(flags.verifyTimeout !== undefined && Number(flags.verifyTimeout) > 0 ? { verifyMs: Number(flags.verifyTimeout) * 1000 } : {}), ...(presumeMs !== undefined ? { cablePresumeMs: presumeMs } : {}) };
  try {
    if (!flags.json) io.out(`${t('oneCable.pairLine', { name: pair.name, target: formatConnectTarget(target) })}\n`);
    const result: OneCableResult = await runOneCable({
      pair,
      pack,
      journal,
      signal: ctrl.signal,
      emit: show,
      open: async (signal) => {
        const s = await openCliSession(target, flags, signal, { ...terminalPromptIo(), err: (t) => (flags.json ? undefined : io.err(t)) });
        if (isSerial) since = await portIdentity(target.path);
        return s.session;
      },
      waitForCable: async (to: DeviceKey, signal) => {
        const onB = to.toUpperCase();
        if (!isSerial) {
          if (!prompt) throw new Error(t('oneCable.notSerial', { target: formatConnectTarget(target) }));
          await prompt.ask(t('oneCable.pressEnter', { device: onB }));
          return 'confirmed';
        }
        await chain;
        if (!flags.json) io.out(`${t('oneCable.watching', { device: onB, seconds: presumeMs !== undefined ? String(presumeMs / 1000) : 'none' })}\n`);
        return waitForCableMove(target.path, since, {
          signal,
          confirm: lineOnStdin,
          ...(presumeMs !== undefined ? { presumeAfterMs: presumeMs } : {}),
          onGone: () => show({ kind: 'message', level: 'info', text: `${target.path} went away: waiting for it to come back on device ${onB}`, code: 'oneCable.port-gone', params: { port: target.path, device: onB } }),
        });
      },
      ...(ask ? { confirm: async (k: DeviceKey) => (await chain, yesNo(t('oneCable.pushPart', { device: k.toUpperCase() }))), saveAFirst: () => yesNo(t('oneCable.saveAFirst')), undoA: () => yesNo(t('oneCable.undoA')), finalLook: () => yesNo(t('oneCable.finalLook')) } : {}),
      probe: probePart({
        ...(flags.probe === false ? { skip: true } : {}),
        ...(flags.forceUnconfirmed !== undefined ? { forceReason: flags.forceUnconfirmed } : {}),
        onResult: (r) => {
          const [device, confirmed, lines, requests] = [r.device.toUpperCase(), r.lines.filter((l) => l.status === 'confirmed').length, r.lines.length, r.requests];
          const text = `probe of device ${device}: ${confirmed} of ${lines} line${lines === 1 ? '' : 's'} confirmed in ${requests} help request${requests === 1 ? '' : 's'}`;
          show({ kind: 'message', level: 'info', device: r.device, text, code: 'probe.device-result', params: { device, confirmed, lines, requests } });
        },
      }),
      ...(flags.dryRun ? { dryRun: true } : {}),
      ...(resume !== undefined ? { resume } : {}),
      timeouts,
      meta: { runId: randomUUID(), target: url as string, tool: `${PRODUCT_NAME} ${PRODUCT_VERSION}`, ...(o.pairFile ? { pairFile: o.pairFile } : {}) },
    });
    await chain;
    if (result.leftOnA && !flags.json) io.out(`${t('oneCable.leftOnA', { lines: result.leftOnA.lines, journal: journalPath })}\n`);
    if (!flags.json) return await report(io, result, journalPath);
    io.out(`${JSON.stringify({ step: 'result', outcome: result.outcome, journal: journalPath, ...(result.error ? { error: result.error } : {}), ...(result.leftOnA ? { leftOnA: result.leftOnA } : {}) })}\n`);
    if (['success', 'nothing-to-do', 'dry-run', 'recovered'].includes(result.outcome)) return EXIT.ok;
    return result.outcome === 'rollback-incomplete' ? EXIT.rollbackIncomplete : EXIT.failed;
  } finally {
    process.off('SIGINT', onSigint);
    journal.close();
  }
}

/** `hotpair recover` on a one-cable journal: the run taken up (or what it left undone), the pair file as the journal names it. */
export async function recoverOneCable(file: string, text: string, flags: OneCableFlags): Promise<number> {
  const { readProgress } = await import('../../core/provision/one-cable/progress');
  const p = readProgress(text);
  if (!p.pairFile) {
    process.stderr.write(`${t('oneCable.noPairFile', { file })}\n`);
    return EXIT.usage;
  }
  const { readPairAndPack } = await import('../pair-file');
  const r = readPairAndPack(p.pairFile, flags.pack);
  if (!r.ok) {
    process.stderr.write(r.message);
    return r.exit;
  }
  return runOneCableCli({ pair: r.pair, pack: r.pack, flags: { ...flags, resume: file, ...(flags.console === undefined && p.target ? { console: p.target } : {}) }, pairFile: p.pairFile });
}
