import type { ActionOutcome, RbmConfig } from '../device/seam';

/** Refusals of RBM manual operations, as the CLI prints them. */
export const notRunning = (): ActionOutcome => ({ ok: false, message: 'Remote backup group is not configured or not running.' });
export const disconnected = (): ActionOutcome => ({ ok: false, message: 'The RBM control channel is disconnected. Please try again later.' });

/** Why peer-active / peer-standby cannot run now, or undefined when they can. */
export function dualActiveRefusal(cfg: RbmConfig | undefined, running: boolean, connected: boolean): ActionOutcome | undefined {
  if (!cfg || !running) return notRunning();
  if (cfg.mode !== 'dual-active') return { ok: false, message: 'This operation is supported only in dual-active mode.' };
  if (!connected) return disconnected();
  return undefined;
}
