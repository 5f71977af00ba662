/** One whole file over an open SFTP channel, into memory, cancellable and bounded in size. */
import type { SFTPWrapper } from 'ssh2';
import { abortError } from '../../base/abort';
import { AppError } from '../../base/errors';

/** A saved configuration is tens of KB; anything far larger is not the file we asked for. */
export const SFTP_MAX_FILE_BYTES = 32 * 1024 * 1024;

// SFTP status codes (draft-ietf-secsh-filexfer-02, section 7)
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;

export function readSftpFile(sftp: SFTPWrapper, path: string, label: string, signal?: AbortSignal): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    // ending the channel is the only way to stop an SFTP read in flight
    const onAbort = () => finish(() => (sftp.end(), reject(abortError(signal!))));
    signal?.addEventListener('abort', onAbort, { once: true });
    sftp.stat(path, (err, st) => {
      if (done) return;
      if (err) return finish(() => reject(statusError(err, path, label)));
      if (st.size > SFTP_MAX_FILE_BYTES) return finish(() => reject(new AppError('UNSUPPORTED', `${label}: ${path} is ${st.size} bytes, more than a configuration file can be.`, { message: { key: 'error.unsupported.sftp-too-large', params: { label, path, size: String(st.size) } } })));
      sftp.readFile(path, (e, data) => finish(() => (e ? reject(statusError(e, path, label)) : resolve(new Uint8Array(data.buffer, data.byteOffset, data.length)))));
    });
  });
}

function statusError(err: Error & { code?: number | string }, path: string, label: string): AppError {
  const params = { label, path, reason: err.message };
  if (err.code === NO_SUCH_FILE) return new AppError('NOT_FOUND', `${label}: no file ${path} on the device (SFTP).`, { message: { key: 'error.not-found.sftp-file', params } });
  if (err.code === PERMISSION_DENIED) return new AppError('AUTH_FAILED', `${label}: the device refused to read ${path} (SFTP: permission denied).`, { message: { key: 'error.auth-failed.sftp-denied', params } });
  return new AppError('DISCONNECTED', `${label}: reading ${path} over SFTP failed (${err.message}).`, { message: { key: 'error.disconnected.sftp-read', params } });
}
