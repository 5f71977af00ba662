/** `hotpair op <pair-file> <operation>`: a manual RBM operation, confirmed, then verified. */
import type { Command } from 'commander';
import { addConnectOptions } from '../credentials';
import { canAsk, confirmer, EXIT, type PairFlags } from './pair';
import { t } from '../i18n';
import { cliCore, cliProgress } from '../../i18n/node/cli-core';

const OPS = ['check', 'sync', 'switchover', 'peer-active', 'peer-standby', 'reset'];

export function registerOp(program: Command): void {
  const cmd = program
    .command('op <pair-file> <operation>')
    .description(t('op.desc', { ops: OPS.join(' | ') }))
    .option('--yes', t('op.yes'))
    .option('--pack <FILE>', t('op.pack'))
    .option('--timeout <SECONDS>', t('op.timeout'));
  addConnectOptions(cmd, 'pair file').action(async (file: string, operation: string, flags: PairFlags & { timeout?: string }) => {
    process.exitCode = await runOpCli(file, operation, flags);
  });
}

export async function runOpCli(file: string, operation: string, flags: PairFlags & { timeout?: string }): Promise<number> {
  const { OPS: KNOWN, refusalSaid, runOp } = await import('../../core/provision/ops');
  const { opWhat } = await import('../../core/provision/op-text');
  const tr = cliCore();
  const op = KNOWN.find((x) => x === operation);
  if (!op) {
    process.stderr.write(`${t('op.unknown', { operation, ops: KNOWN.join(', ') })}\n`);
    return EXIT.usage;
  }
  const { readPairAndPack } = await import('../pair-file');
  const r = readPairAndPack(file, flags.pack);
  if (!r.ok) {
    process.stderr.write(r.message);
    return r.exit;
  }
  const no = refusalSaid(r.pair, op, r.pack);
  if (no) {
    process.stderr.write(`${t('run.refused', { reason: tr.text(no.code, no.params, no.text) })}\n`);
    return EXIT.failed;
  }
  if (!flags.yes && !canAsk()) {
    process.stderr.write(`${t('op.needsTerminal')}\n`);
    return EXIT.usage;
  }
  const what = opWhat(op);
  const confirm = await confirmer(flags.yes, t('op.confirm', { op, text: tr.text(what.said.code, what.said.params, what.text) }));
  if (confirm && !(await confirm())) {
    process.stdout.write(`${t('op.declined')}\n`);
    return EXIT.failed;
  }
  const { cliSessionFactory } = await import('./pair');
  const { toErrorInfo } = await import('../../core/base/errors');
  const open = await cliSessionFactory(r.pair, flags);
  const ctrl = new AbortController();
  const sessions: Partial<Record<'a' | 'b', import('../../core/session/types').Session>> = {};
  try {
    const [a, b] = await Promise.all([open('a', ctrl.signal), open('b', ctrl.signal)]);
    Object.assign(sessions, { a, b });
    const timeoutMs = flags.timeout !== undefined ? Number(flags.timeout) * 1000 : undefined;
    const res = await runOp(op, {
      pair: r.pair,
      sessions: { a, b },
      signal: ctrl.signal,
      emit: (e) => e.kind === 'message' && process.stdout.write(`${cliProgress(e)}\n`),
      ...(timeoutMs !== undefined && Number.isFinite(timeoutMs) ? { timeoutMs } : {}),
    });
    if (res.output.trim()) process.stdout.write(`${res.output.trim()}\n`);
    process.stdout.write(`${t('op.verified', { verified: tr.text(res.verifiedSaid.code, res.verifiedSaid.params, res.verified) })}\n`);
    return EXIT.ok;
  } catch (e) {
    const info = toErrorInfo(e);
    const { cliErrorText, cliFix } = await import('../../i18n/node/cli-core');
    const said = cliErrorText(info);
    process.stderr.write(`hotpair: ${info.code}: ${said.message}\n${said.fix ? `  ${cliFix(said.fix)}\n` : ''}`);
    return EXIT.failed;
  } finally {
    await Promise.all(Object.values(sessions).map((s) => s?.close().catch(() => undefined)));
  }
}
