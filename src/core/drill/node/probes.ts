import { connect } from 'node:net';
import { probeText } from '../plan';
import type { ProbeRun, Prober } from '../run-options';
import type { ProbeSample, ProbeTarget } from '../types';

/**
 * How long one connect may take before it counts as failed. Below the kernel's first SYN
 * retransmission (1 s on Linux), so a probe sent into a dark address fails rather than succeeding
 * late on a retry; far above a LAN's round trip.
 */
export const PROBE_CONNECT_TIMEOUT_MS = 400;

/** One connect attempt: ok once the three-way handshake completes; the socket is dropped at once. */
export function probeOnce(t: ProbeTarget, timeoutMs = PROBE_CONNECT_TIMEOUT_MS): Promise<ProbeSample> {
  const start = Date.now();
  return new Promise((resolve) => {
    const s = connect({ host: t.host, port: t.port });
    let done = false;
    const finish = (ok: boolean, error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      s.destroy();
      resolve({ target: probeText(t), start, end: Date.now(), ok, ...(error ? { error } : {}) });
    };
    const timer = setTimeout(() => finish(false, `no answer within ${timeoutMs} ms`), timeoutMs);
    s.once('connect', () => finish(true));
    s.once('error', (e: NodeJS.ErrnoException) => finish(false, e.code ?? e.message));
  });
}

/**
 * The laptop's probes: every `intervalMs`, one connect to each target, on a fixed schedule (a slow
 * attempt never delays the next one, so an outage is sampled at the same rate as a healthy path).
 */
export const tcpProber: Prober = {
  start(targets: readonly ProbeTarget[], intervalMs: number): ProbeRun {
    const samples: ProbeSample[] = [];
    const pending = new Set<Promise<void>>();
    const t0 = Date.now();
    let tick = 0;
    let timer: NodeJS.Timeout | undefined;
    const fire = () => {
      for (const t of targets) {
        const p = probeOnce(t).then((s) => void samples.push(s));
        pending.add(p);
        void p.finally(() => pending.delete(p));
      }
      tick++;
      timer = setTimeout(fire, Math.max(0, t0 + tick * intervalMs - Date.now()));
    };
    if (targets.length > 0) fire();
    return {
      samples: () => [...samples],
      async stop() {
        clearTimeout(timer);
        timer = undefined;
        await Promise.all([...pending]);
        return [...samples].sort((x, y) => x.start - y.start);
      },
    };
  },
};
