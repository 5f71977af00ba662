/**
 * A manual operation (src/core/provision/ops.ts) on a monitored pair, over sessions of its own:
 * the poller's sessions keep polling meanwhile, so the monitor records the switchover the
 * operation causes, with its cause, like any other.
 */
import { AppError } from '../../core/base/errors';
import type { DeviceKey } from '../../core/model/pair';
import { refusal, runOp, type OpName } from '../../core/provision/ops';
import type { Session } from '../../core/session/types';
import type { MonitorSubject } from './subject';

export interface OpAnswer {
  op: OpName;
  device: DeviceKey;
  verified: string;
  output: string;
}

export async function runMonitorOp(subject: MonitorSubject, op: OpName, signal: AbortSignal, progress: (step: string) => void): Promise<OpAnswer> {
  const no = refusal(subject.pair, op);
  if (no) throw new AppError('VALIDATION', `Refused: ${no}.`);
  const sessions: Partial<Record<DeviceKey, Session>> = {};
  try {
    progress('connecting to both devices');
    const open = async (k: DeviceKey) => {
      const d = subject.devices[k];
      const o = await subject.connector.openWith({ target: d.target, ask: subject.ask, signal, label: `${subject.name}-${d.sysname}-op` }, d.credentials);
      sessions[k] = o.session;
      return o.session;
    };
    const [a, b] = await Promise.all([open('a'), open('b')]);
    const r = await runOp(op, {
      pair: subject.pair,
      sessions: { a, b },
      signal,
      emit: (e) => {
        if (e.kind === 'message') progress(e.text);
      },
    });
    return { op, device: r.device, verified: r.verified, output: r.output.trim() };
  } finally {
    await Promise.all(Object.values(sessions).map((s) => s?.close().catch(() => undefined)));
  }
}
