import { parseConnectUrl, type ConnectTarget } from '../../core/model/connect';
import { loadPairText } from '../../core/model/load';
import type { LabAdapter } from '../types';

/**
 * The running lab's login for a target that is one of its SSH devices (as its pair file names
 * them), else undefined. Lets the wizard connect the lab pair without a typed password; the
 * password stays in the host like every other.
 */
export function labLoginFor(lab: LabAdapter | undefined): (target: ConnectTarget) => { username: string; password: string } | undefined {
  return (target) => {
    const access = lab?.access?.();
    if (!access || target.kind !== 'ssh') return undefined;
    const loaded = loadPairText(access.pairText);
    if (!loaded.ok) return undefined;
    const isLab = (['a', 'b'] as const).some((k) => {
      const r = parseConnectUrl(loaded.pair.devices[k].connect);
      return r.ok && r.target.kind === 'ssh' && r.target.host === target.host && r.target.port === target.port;
    });
    return isLab ? { username: access.username, password: access.password } : undefined;
  };
}
