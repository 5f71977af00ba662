import type { RunningStatus } from '../device/seam';
import { CAUSE } from './health';
import type { ControlMessage } from './messages';

/** What the switchover sequence needs from the engine. */
export interface SwitchoverHost {
  send(m: ControlMessage): void;
  state(): RunningStatus;
  healthy(): boolean;
  /** How long the active device waits for the standby's answer: the keepalive budget. */
  answerTimeoutMs(): number;
  /** Step 2 / step 4: take the new running status, with its VRRP consequences and the record. */
  setStatus(to: RunningStatus, cause: string): void;
  /** Whether this device, now Active, took over for a fault of the peer (and so falls back to it). */
  tookOverForFault(value: boolean): void;
}

/**
 * The seed's five-step sequence ("VRRP master election in the hot backup system"):
 *  1. the active device sends the status change to the peer;
 *  2. the peer becomes Active (its VRRP standby group → Master);
 *  3. the peer answers;
 *  4. the old active becomes Standby (its VRRP active group → Backup);
 *  5. on recovery the same procedure runs the other way (fallback, see the engine).
 * Between 2 and 4 both are briefly Master: the transient VIP conflict the seed warns about.
 */
export class SwitchoverSequence {
  private pending?: { id: number; cause: string; timer: NodeJS.Timeout };
  private seq = 0;

  constructor(private readonly host: SwitchoverHost) {}

  get inProgress(): boolean {
    return this.pending !== undefined;
  }

  /** Step 1. */
  start(cause: string, manual: boolean): void {
    if (this.pending) return;
    const id = ++this.seq;
    const timer = setTimeout(() => {
      if (this.pending?.id === id) this.pending = undefined;
    }, this.host.answerTimeoutMs());
    this.pending = { id, cause, timer };
    this.host.send({ t: 'switchover-request', id, cause, manual });
  }

  /** Steps 2–3, on the standby. A standby that is itself failing refuses, unless an operator asked. */
  onRequest(id: number, cause: string, manual: boolean): void {
    const accept = this.host.state() === 'Standby' && (this.host.healthy() || manual);
    if (accept) {
      this.host.tookOverForFault(!manual && cause !== CAUSE.fallback);
      this.host.setStatus('Active', cause);
    }
    this.host.send({ t: 'switchover-ack', id, accepted: accept });
  }

  /** Step 4, on the old active. */
  onAck(id: number, accepted: boolean): void {
    const p = this.pending;
    if (!p || p.id !== id) return;
    this.cancel();
    if (!accepted) return;
    this.host.tookOverForFault(false);
    this.host.setStatus('Standby', p.cause);
  }

  cancel(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = undefined;
  }
}
