import { parse } from 'yaml';
import { parseConnectUrl, type ConnectTarget } from '../../core/model/connect';
import type { LabAdapter } from '../types';
import type { LabLogin } from './connect';

/**
 * The running lab's login for a target that is one of its SSH devices (as its pair file names
 * them), else undefined. Lets the console and the wizard reach the lab pair without a typed
 * password; the password stays in the host like every other. Only the devices' connect URLs are
 * read, so the lab's pair file need not be complete to be recognised.
 */
export function labLoginFor(lab: LabAdapter | undefined): LabLogin {
  return (target: ConnectTarget) => {
    const access = lab?.access?.();
    if (!access) return undefined;
    if (target.kind === 'serial') return access.consoles?.includes(target.path) ? { username: access.username, password: access.password } : undefined;
    if (target.kind !== 'ssh') return undefined;
    let doc: { devices?: Record<string, { connect?: unknown } | null> } | undefined;
    try {
      doc = parse(access.pairText, { maxAliasCount: 100 }) as typeof doc;
    } catch {
      return undefined;
    }
    const isLab = Object.values(doc?.devices ?? {}).some((d) => {
      const r = typeof d?.connect === 'string' ? parseConnectUrl(d.connect) : undefined;
      return r?.ok === true && r.target.kind === 'ssh' && r.target.host === target.host && r.target.port === target.port;
    });
    return isLab ? { username: access.username, password: access.password } : undefined;
  };
}
