/**
 * The copy of a device's saved configuration taken before the first line is pushed, kept beside
 * the journal for a full restore. The file `display startup` names is read byte for byte over
 * SFTP; where the device refuses SFTP or the link is a console, the `display saved-configuration`
 * text is kept instead and the reason recorded, so the user knows which of the two they hold.
 */
import { isAppError } from '../base/errors';
import { parseStartup, savedConfigFile } from '../parse/startup';
import { fill, type PlatformPack } from '../platforms/pack';
import type { Session } from '../session/types';
import { toBytes } from '../transport/types';
import type { MessageParam, MessageParams } from '../base/message';
import { errorEnglish, errorParam } from './progress-message';

/** Bound on taking one copy: a large configuration over a 9600-baud console (~1 KB/s) takes minutes. */
export const SAVED_CONFIG_COPY_MS = 300_000;
/** What a saved configuration may weigh, for the console's time limit (derived from the line rate). */
const EXPECT_BYTES = 64 * 1024;

export interface SavedConfigCopy {
  method: 'sftp' | 'display';
  bytes: Uint8Array;
  /** The file on the device (`flash:/startup.cfg`); absent when `display startup` named none. */
  path?: string;
  /** The name the SFTP server was asked for. */
  sftpPath?: string;
  /** Why SFTP was not used (display method). */
  reason?: string;
  /** `reason` as a message argument (progress.saved-copy.reason.*, or the error's own message). */
  reasonSaid?: MessageParam;
}

const why = (code: string, params: MessageParams = {}): MessageParam => ({ sep: 'comma', items: [{ code: `progress.saved-copy.reason.${code}`, params }] });

/** `flash:/startup.cfg` → the SFTP name the pack's template gives (`/startup.cfg` on Comware). */
export function sftpPathFor(devicePath: string, pack: PlatformPack): string | undefined {
  const m = /^([A-Za-z0-9]+):\/?(.*)$/.exec(devicePath);
  if (!pack.files || !m) return undefined;
  return fill(pack.files.sftpPath, { drive: m[1] as string, file: m[2] as string });
}

/** A cancelled run must stop, not fall back to the next method. */
const rethrowIfCancelled = (e: unknown, signal: AbortSignal) => {
  if (signal.aborted || (isAppError(e) && e.code === 'CANCELLED')) throw e;
};

export async function fetchSavedConfig(session: Session, signal: AbortSignal): Promise<SavedConfigCopy> {
  const pack = session.pack;
  let path: string | undefined;
  let reason: string;
  let said: MessageParam;
  try {
    const r = await session.exec(pack.displays.startup ?? 'display startup', { signal });
    path = savedConfigFile(parseStartup(r.output).value);
    const sftpPath = path === undefined ? undefined : sftpPathFor(path, pack);
    if (path === undefined) [reason, said] = ['`display startup` names no saved-configuration file', why('no-file')];
    else if (sftpPath === undefined) [reason, said] = [`the platform pack has no SFTP name for ${path}`, why('no-sftp-name', { path })];
    else if (!session.readFile) [reason, said] = ['this connection carries no files', why('no-files')];
    else {
      try {
        const bytes = await session.readFile(sftpPath, { signal });
        return { method: 'sftp', bytes, path, sftpPath };
      } catch (e) {
        rethrowIfCancelled(e, signal);
        [reason, said] = [errorEnglish(e), errorParam(e)];
      }
    }
  } catch (e) {
    rethrowIfCancelled(e, signal);
    [reason, said] = [`\`display startup\` failed: ${errorEnglish(e)}`, why('startup-failed', { error: errorParam(e) })];
  }
  const r = await session.exec(pack.displays.savedConfig ?? 'display saved-configuration', { signal, expectBytes: EXPECT_BYTES });
  return { method: 'display', bytes: toBytes(r.output), reason, reasonSaid: said, ...(path !== undefined ? { path } : {}) };
}

/** The progress line as a message of the `core` catalogue (progress.saved-copy.*); `describeCopy` is its English. */
export function copyMessage(device: string, c: SavedConfigCopy): { code: string; params: MessageParams } {
  return c.method === 'sftp'
    ? { code: 'progress.saved-copy.sftp', params: { device, bytes: c.bytes.length, path: c.path ?? c.sftpPath ?? '' } }
    : { code: 'progress.saved-copy.display', params: { device, bytes: c.bytes.length, reason: c.reasonSaid ?? c.reason ?? 'unknown' } };
}

/** The progress line: "saved configuration of A: 2,431 bytes via SFTP (flash:/startup.cfg)". */
export function describeCopy(device: string, c: SavedConfigCopy): string {
  const size = `${c.bytes.length.toLocaleString('en-US')} bytes`;
  return c.method === 'sftp'
    ? `saved configuration of ${device}: ${size} via SFTP (${c.path ?? c.sftpPath})`
    : `saved configuration of ${device}: ${size} via display saved-configuration (SFTP not available: ${c.reason ?? 'unknown'})`;
}
