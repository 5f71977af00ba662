import type { RbmFact } from '../../../src/core/model/facts';
import type { Pair } from '../../../src/core/model/pair';

/** What `display remote-backup-group status` reads on a device of a healthy, commissioned pair (a primary and Active). */
export function healthyRbm(pair: Pair, k: 'a' | 'b', over: Partial<RbmFact> = {}): RbmFact {
  const primary = k === 'a';
  return {
    configured: true,
    mode: pair.mode,
    role: primary ? 'primary' : 'secondary',
    runningStatus: primary ? 'Active' : 'Standby',
    controlChannel: 'Connected',
    localIp: pair.devices[k].controlChannel.localIp,
    remoteIp: pair.devices[primary ? 'b' : 'a'].controlChannel.localIp,
    port: pair.controlChannel.port,
    dataChannelState: 'Up',
    consistency: 'Consistent',
    autoSync: pair.configSync.auto,
    ...over,
  };
}
