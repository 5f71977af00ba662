/**
 * A manual operation (src/core/provision/ops.ts) on a monitored pair, over sessions of its own:
 * the poller's sessions keep polling meanwhile, so the monitor records the switchover the
 * operation causes, with its cause, like any other.
 */
import type { Message, MessageParams } from '../../core/base/message';
import type { DeviceKey } from '../../core/model/pair';
import { connectingStep, refusedError } from '../../core/provision/op-text';
import { refusalSaid, runOp, type OpName } from '../../core/provision/ops';
import type { Session } from '../../core/session/types';
import type { MonitorSubject } from './subject';

export interface OpAnswer {
  op: OpName;
  device: DeviceKey;
  verified: string;
  /** `verified` as a message of the `core` catalogue, for the reader's language. */
  verifiedSaid: Message;
  output: string;
}

/** A step of the operation: its English, and its message of the `core` catalogue where core gave one. */
export interface OpStep {
  step: string;
  code?: string;
  params?: MessageParams;
}

export async function runMonitorOp(subject: MonitorSubject, op: OpName, signal: AbortSignal, progress: (step: OpStep) => void): Promise<OpAnswer> {
  const no = refusalSaid(subject.pair, op);
  if (no) throw refusedError(no);
  const sessions: Partial<Record<DeviceKey, Session>> = {};
  try {
    const first = connectingStep();
    progress({ step: first.text, code: first.said.code });
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
        if (e.kind === 'message') progress({ step: e.text, ...(e.code ? { code: e.code, ...(e.params ? { params: e.params } : {}) } : {}) });
      },
    });
    return { op, device: r.device, verified: r.verified, verifiedSaid: r.verifiedSaid, output: r.output.trim() };
  } finally {
    await Promise.all(Object.values(sessions).map((s) => s?.close().catch(() => undefined)));
  }
}
