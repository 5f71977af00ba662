import type { LabDeviceApi, RbmConfig } from '../device/seam';
import { dataPortFor, keepaliveTiming, type ChannelOptions } from './channel';
import type { SessionBackup } from './session-backup';

type LinkOptions = Omit<ChannelOptions, 'name' | 'port' | 'intervalMs' | 'count'>;

/**
 * The data channel as the configuration asks for it, beside the control channel it follows: it
 * opens once the control channel is up and the data-channel interface is up, and a new keepalive
 * or data-channel interface reopens it alone, never the control channel.
 */
export class DataLink {
  private key = '';
  private base?: LinkOptions;

  constructor(
    private readonly device: LabDeviceApi,
    private readonly backup: SessionBackup,
    private readonly override?: { intervalMs?: number; count?: number },
  ) {}

  /** A new control channel: the data channel will run between the same addresses. */
  reset(base: LinkOptions, cfg: RbmConfig): void {
    this.base = base;
    this.key = this.keyOf(cfg);
  }

  /** The control channel is up: open the data channel if there is one to open. */
  open(cfg: RbmConfig | undefined): void {
    const dci = cfg?.dataChannelInterface;
    if (!cfg || !this.base || !dci || !this.device.interfaceUp(dci)) return;
    this.backup.open({ ...this.base, ...keepaliveTiming(cfg, this.override), port: dataPortFor(cfg.port) });
  }

  /** The configuration changed under a running control channel; true when the data channel was reopened. */
  follow(cfg: RbmConfig, controlUp: boolean): boolean {
    const key = this.keyOf(cfg);
    if (key === this.key) return false;
    this.key = key;
    this.backup.close(false);
    if (controlUp) this.open(cfg);
    return true;
  }

  private keyOf(cfg: RbmConfig): string {
    return JSON.stringify([keepaliveTiming(cfg, this.override), cfg.dataChannelInterface]);
  }
}
