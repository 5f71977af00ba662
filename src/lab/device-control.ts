import type { LabDeviceApi } from './device/seam';

/**
 * What the lab drives on a device beyond the seam: fault injection, power, the SSH server's
 * password check and setup-time configuration. LabDevice (src/lab/device) satisfies it
 * structurally; the RBM tests' fake does too.
 */
export interface ControllableDevice extends LabDeviceApi {
  setLink(name: string, up: boolean): void;
  forceTrack(id: number, state: 'Positive' | 'Negative' | 'NotReady' | undefined): void;
  powerOff(): void;
  powerOn(reason?: string): void;
  reboot(): void;
  authenticate(username: string, password: string, service: 'ssh' | 'terminal'): 'ok' | 'change-required' | 'bad' | 'locked';
  /** Configuration-file lines (system view, one-space indented sub-view lines); returns the lines refused. */
  applyConfig(lines: string[]): string[];
  /** Make the running configuration the one a power cycle comes back with. */
  save(): void;
}
