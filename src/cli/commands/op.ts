/** `hotpair op <pair-file> <operation>`: a manual RBM operation, confirmed, then verified. */
import type { Command } from 'commander';
import { addConnectOptions } from '../credentials';
import { canAsk, confirmer, EXIT, type PairFlags } from './pair';

const OPS = ['check', 'sync', 'switchover', 'peer-active', 'peer-standby', 'reset'];

export function registerOp(program: Command): void {
  const cmd = program
    .command('op <pair-file> <operation>')
    .description(`manual operation on a commissioned pair: ${OPS.join(' | ')} (asks first; verified afterwards)`)
    .option('--a <url>', "device A's connect URL (overrides the pair file)")
    .option('--b <url>', "device B's connect URL (overrides the pair file)")
    .option('--yes', 'do not ask for confirmation')
    .option('--pack <FILE>', 'platform pack JSON instead of the built-in one')
    .option('--timeout <SECONDS>', 'verification limit (default: 2 × keepalive interval × count + 20 s)');
  addConnectOptions(cmd).action(async (file: string, operation: string, flags: PairFlags & { timeout?: string }) => {
    process.exitCode = await runOpCli(file, operation, flags);
  });
}

export async function runOpCli(file: string, operation: string, flags: PairFlags & { timeout?: string }): Promise<number> {
  const { OPS: KNOWN, OP_TEXT, refusal, runOp } = await import('../../core/provision/ops');
  const op = KNOWN.find((x) => x === operation);
  if (!op) {
    process.stderr.write(`hotpair: unknown operation "${operation}"; use one of ${KNOWN.join(', ')}\n`);
    return EXIT.usage;
  }
  const { readPackFile } = await import('../pack-file');
  const pack = readPackFile(flags.pack);
  if (!pack.ok) {
    process.stderr.write(`hotpair: ${pack.message}\n`);
    return EXIT.usage;
  }
  const { readValidPair } = await import('../pair-file');
  const r = readValidPair(file, pack.pack);
  if (!r.ok) {
    process.stderr.write(r.message);
    return r.exit;
  }
  const no = refusal(r.pair, op);
  if (no) {
    process.stderr.write(`hotpair: refused: ${no}\n`);
    return EXIT.failed;
  }
  if (!flags.yes && !canAsk()) {
    process.stderr.write('hotpair: refusing to run an operation without a terminal to confirm on; pass --yes\n');
    return EXIT.usage;
  }
  const confirm = await confirmer(flags.yes, `${op}: ${OP_TEXT[op]}. Go ahead?`);
  if (confirm && !(await confirm())) {
    process.stdout.write('Not confirmed: nothing was done.\n');
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
      emit: (e) => e.kind === 'message' && process.stdout.write(`${e.text}\n`),
      ...(timeoutMs !== undefined && Number.isFinite(timeoutMs) ? { timeoutMs } : {}),
    });
    if (res.output.trim()) process.stdout.write(`${res.output.trim()}\n`);
    process.stdout.write(`Verified: ${res.verified}\n`);
    return EXIT.ok;
  } catch (e) {
    const info = toErrorInfo(e);
    process.stderr.write(`hotpair: ${info.code}: ${info.message}\n${info.fix ? `  fix: ${info.fix}\n` : ''}`);
    return EXIT.failed;
  } finally {
    await Promise.all(Object.values(sessions).map((s) => s?.close().catch(() => undefined)));
  }
}
