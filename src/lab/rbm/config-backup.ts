import type { ActionOutcome, LabDeviceApi, RbmConfig, SyncCheckView } from '../device/seam';
import type { CheckResult, ControlMessage } from './messages';
import { diffConfig, msUntilNextCheck } from './consistency';

/** What configuration backup needs from the engine that owns it. */
export interface ConfigBackupContext {
  device: LabDeviceApi;
  cfg(): RbmConfig | undefined;
  send(msg: ControlMessage): void;
  controlUp(): boolean;
  /** The effective management role: configured, or in auto mode the one that follows the running status. */
  isPrimary(): boolean;
}

/** How long the primary waits for the secondary's lines before it gives the check up. */
const CHECK_RESPONSE_TIMEOUT_MS = 10_000;
/** Node timers overflow past ~24.8 days; a weekly schedule is re-armed in steps below that. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Configuration backup, primary → secondary (seed, "Configuration backup"): in bulk when the
 * channel comes up, then again whenever the primary's synchronisable configuration changes; the
 * secondary's synchronised part is overwritten. Plus the consistency check, on its schedule and on
 * demand, run by the primary with the result shown on both devices.
 */
export class ConfigBackup {
  private lastSent?: string;
  private bulkDone = false;
  private checkSeq = 0;
  private pendingCheck?: { id: number; timer: NodeJS.Timeout };
  private scheduleTimer?: NodeJS.Timeout;
  private scheduleKey = '';
  private result: SyncCheckView = { result: 'Not Performed', differences: [] };

  constructor(private readonly ctx: ConfigBackupContext) {}

  view(): SyncCheckView {
    return { ...this.result, differences: [...this.result.differences] };
  }

  channelUp(): void {
    this.bulkDone = false;
    this.lastSent = undefined;
  }

  channelDown(): void {
    if (this.pendingCheck) clearTimeout(this.pendingCheck.timer);
    this.pendingCheck = undefined;
  }

  /** Called after every election step: the first moment this device is primary with the channel up, it sends the bulk. */
  maybeBulk(): void {
    const cfg = this.ctx.cfg();
    if (this.bulkDone || !cfg?.autoSync || !this.ctx.controlUp() || !this.ctx.isPrimary()) return;
    this.bulkDone = true;
    this.push('bulk');
  }

  /** A configuration change on this device: the primary backs it up at once. */
  localConfigChanged(): void {
    const cfg = this.ctx.cfg();
    this.reschedule();
    if (!cfg?.autoSync || !this.ctx.controlUp() || !this.ctx.isPrimary()) return;
    if (!this.bulkDone) return this.maybeBulk();
    const lines = this.ctx.device.syncableConfig();
    if (lines.join('\n') !== this.lastSent) this.push('incremental', lines);
  }

  manualSync(): ActionOutcome {
    if (!this.ctx.controlUp()) return { ok: false, message: 'The RBM control channel is disconnected. Please try again later.' };
    if (!this.ctx.isPrimary()) return { ok: false, message: 'This operation can be performed only on the primary device.' };
    this.push('bulk');
    return { ok: true };
  }

  manualCheck(): ActionOutcome {
    if (!this.ctx.controlUp()) return { ok: false, message: 'The RBM control channel is disconnected. Please try again later.' };
    if (this.ctx.isPrimary()) this.startCheck();
    else this.ctx.send({ t: 'check-run' });
    return { ok: true };
  }

  handle(msg: ControlMessage): boolean {
    switch (msg.t) {
      case 'config-sync':
        if (this.ctx.isPrimary()) return true; // two primaries (misconfiguration): neither overwrites the other
        this.ctx.device.applySyncedConfig(msg.lines);
        this.ctx.device.log(
          'RBM',
          6,
          msg.kind === 'bulk' ? 'RBM_CFG_BATCH_SYNC' : 'RBM_CFG_SYNC',
          msg.kind === 'bulk'
            ? `Batch configuration synchronization from the primary device completed (${msg.lines.length} lines).`
            : 'Configuration synchronized from the primary device.',
        );
        return true;
      case 'check-run':
        if (this.ctx.isPrimary()) this.startCheck();
        return true;
      case 'check-request':
        this.ctx.send({ t: 'check-response', id: msg.id, lines: this.ctx.device.syncableConfig() });
        return true;
      case 'check-response':
        this.finishCheck(msg.id, msg.lines);
        return true;
      case 'check-result':
        this.record(msg.result, msg.differences, new Date(msg.time));
        return true;
      default:
        return false;
    }
  }

  /** Re-arm the scheduled check when the schedule in the configuration changes. */
  reschedule(): void {
    const cfg = this.ctx.cfg();
    const key = JSON.stringify(cfg?.syncCheck ?? null);
    if (key === this.scheduleKey) return;
    this.scheduleKey = key;
    this.arm(cfg);
  }

  dispose(): void {
    clearTimeout(this.scheduleTimer);
    this.scheduleTimer = undefined;
    this.scheduleKey = '';
    this.channelDown();
  }

  private arm(cfg: RbmConfig | undefined): void {
    clearTimeout(this.scheduleTimer);
    this.scheduleTimer = undefined;
    const ms = cfg ? msUntilNextCheck(cfg, new Date()) : undefined;
    if (ms === undefined) return;
    const wait = Math.min(ms, MAX_TIMER_MS);
    this.scheduleTimer = setTimeout(() => {
      if (wait === ms && this.ctx.controlUp() && this.ctx.isPrimary()) this.startCheck();
      this.arm(this.ctx.cfg());
    }, wait);
    this.scheduleTimer.unref();
  }

  private push(kind: 'bulk' | 'incremental', lines = this.ctx.device.syncableConfig()): void {
    this.lastSent = lines.join('\n');
    this.ctx.send({ t: 'config-sync', kind, lines });
    if (kind === 'bulk') this.ctx.device.log('RBM', 6, 'RBM_CFG_BATCH_SYNC', 'Started batch configuration synchronization to the secondary device.');
  }

  private startCheck(): void {
    if (this.pendingCheck) return;
    const id = ++this.checkSeq;
    const timer = setTimeout(() => {
      if (this.pendingCheck?.id === id) this.pendingCheck = undefined;
    }, CHECK_RESPONSE_TIMEOUT_MS);
    this.pendingCheck = { id, timer };
    this.ctx.device.log('RBM', 6, 'RBM_CFG_COMPARE_START', 'Started configuration consistency check.');
    this.ctx.send({ t: 'check-request', id });
  }

  private finishCheck(id: number, secondaryLines: string[]): void {
    if (this.pendingCheck?.id !== id) return;
    clearTimeout(this.pendingCheck.timer);
    this.pendingCheck = undefined;
    const differences = diffConfig(this.ctx.device.syncableConfig(), secondaryLines);
    const result: CheckResult = differences.length === 0 ? 'Consistent' : 'Inconsistent';
    const time = new Date();
    this.record(result, differences, time);
    this.ctx.send({ t: 'check-result', result, differences, time: time.toISOString() });
  }

  private record(result: CheckResult, differences: string[], time: Date): void {
    this.result = { result, time, differences };
    const text =
      result === 'Consistent'
        ? 'Configuration consistency check result: Consistent.'
        : `Configuration consistency check result: Inconsistent (${differences.length} differing lines). Please synchronize the configuration manually.`;
    this.ctx.device.log('RBM', result === 'Consistent' ? 6 : 4, 'RBM_CFG_COMPARE_RESULT', text);
  }
}
