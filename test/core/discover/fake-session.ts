import { AppError } from '../../../src/core/base/errors';
import type { DiscoverSession } from '../../../src/core/discover/discover';
import { fixture } from '../parse/fixtures';

/** The outputs a healthy primary (FW1) gives, by command, from test/fixtures/outputs. */
export function fw1Outputs(): Record<string, string> {
  return {
    'display version': fixture('version-vfw1000.txt'),
    'display device manuinfo': fixture('manuinfo-firewall.txt'),
    'display interface brief': fixture('interface-brief-firewall.txt'),
    'display current-configuration': fixture('current-config-fw1.txt'),
    'display remote-backup-group status': fixture('rbm-status-primary.txt'),
    'display vrrp verbose': fixture('vrrp-verbose.txt'),
    'display vrrp': fixture('vrrp-brief.txt'),
    'display track all': fixture('track-all.txt'),
    'display clock': fixture('clock-utc.txt'),
  };
}

export type Reply = string | Error;

/**
 * A session serving recorded outputs. A command it has no output for is rejected the way the
 * real DeviceSession rejects it (COMMAND_REJECTED with the device's error line).
 */
export class FakeSession implements DiscoverSession {
  readonly calls: string[] = [];
  promptPrefix?: string;
  prompt?: { rbmPrefix?: string; hostname?: string };

  constructor(private readonly replies: Record<string, Reply>) {}

  async exec(command: string, opts?: { signal?: AbortSignal }): Promise<{ output: string }> {
    this.calls.push(command);
    if (opts?.signal?.aborted) throw new AppError('CANCELLED', 'Cancelled by the user.');
    const reply = this.replies[command];
    if (reply === undefined) throw new AppError('COMMAND_REJECTED', "% Unrecognized command found at '^' position.", { details: { command } });
    if (reply instanceof Error) throw reply;
    return { output: reply };
  }
}
