import { useState } from 'react';
import { useStore } from '../../../store/index';
import type { DeviceKey } from '../../../store/wizard-types';
import { ErrorNote } from '../ErrorNote';
import { ConnectedSummary } from './ConnectedSummary';
import { HostKeyDialog } from './HostKeyDialog';
import { SerialFields } from './SerialFields';

/** The pair file's connect URL for a device (the SSH field's starting value). */
function useDocConnect(k: DeviceKey): string {
  return useStore((s) => {
    const v = (s.editor.doc?.devices as Record<string, { connect?: unknown }> | undefined)?.[k]?.connect;
    return typeof v === 'string' && v.startsWith('ssh://') ? v : '';
  });
}

/** True when the SSH URL names a device of the running lab pair (its login stays in the host). */
function useIsLabDevice(url: string): boolean {
  return useStore((s) => {
    if (s.lab.state !== 'running') return false;
    const m = /^ssh:\/\/(?:[^@/]+@)?([^:/]+):(\d+)/.exec(url.trim());
    return !!m && s.lab.devices.some((d) => d.ssh?.host === m[1] && d.ssh?.port === Number(m[2]));
  });
}

/** A changed host key is a possible attack: both fingerprints, plainly, and no way to click through. */
function MismatchNote({ details }: { details: Record<string, unknown> }) {
  return (
    <p className="mismatch-keys">
      Recorded key: <code>{String(details.expected ?? '?')}</code>
      <br />
      Presented now: <code>{String(details.presented ?? '?')}</code>
    </p>
  );
}

/**
 * Connect one device: SSH (URL, password or key file) or serial (port, speed, login). The password
 * lives only in this component's state until the host has used it; it is cleared once connected.
 */
export function DeviceConnectCard({ k }: { k: DeviceKey }) {
  const d = useStore((s) => s.wizard.devices[k]);
  const docUrl = useDocConnect(k);
  const { editConnection, connect, declineHostKey, cancelConnect, disconnect } = useStore.getState();
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const busy = d.status === 'connecting';
  const K = k.toUpperCase();
  const id = (f: string) => `conn-${k}-${f}`;
  const sshUrl = d.sshUrl || docUrl;
  const labDevice = useIsLabDevice(d.kind === 'ssh' ? sshUrl : '');

  const go = async (accept?: string) => {
    if (d.kind === 'ssh' && !d.sshUrl && docUrl) editConnection(k, { sshUrl: docUrl });
    await connect(k, { password, passphrase }, accept);
    if (useStore.getState().wizard.devices[k].status === 'connected') {
      setPassword('');
      setPassphrase('');
    }
  };

  if (d.status === 'connected' && d.info)
    return (
      <section className="card device-card connected" aria-label={`Device ${K}`}>
        <h2>
          Device {K} <span className="badge ok">connected</span>
        </h2>
        <ConnectedSummary info={d.info} />
        <button type="button" onClick={() => void disconnect(k)}>
          Disconnect {K}
        </button>
      </section>
    );

  return (
    <section className="card device-card" aria-label={`Device ${K}`}>
      <h2>Device {K}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void go();
        }}
      >
        <fieldset className="kind" disabled={busy}>
          <legend>Connect by</legend>
          {(['ssh', 'serial'] as const).map((kind) => (
            <label key={kind} className="inline">
              <input type="radio" name={id('kind')} checked={d.kind === kind} onChange={() => editConnection(k, { kind })} /> {kind === 'ssh' ? 'SSH' : 'Serial console'}
            </label>
          ))}
        </fieldset>
        {d.kind === 'ssh' ? (
          <>
            <div className="field">
              <label htmlFor={id('url')}>SSH URL</label>
              <div className="field-input">
                <input id={id('url')} type="text" value={sshUrl} placeholder="ssh://admin@192.0.2.11:22" spellCheck={false} disabled={busy} onChange={(e) => editConnection(k, { sshUrl: e.target.value })} />
              </div>
            </div>
            <div className="field">
              <label htmlFor={id('key')}>Key file (optional)</label>
              <div className="field-input">
                <input id={id('key')} type="text" value={d.identityFile} placeholder="~/.ssh/id_ed25519 on the host machine" spellCheck={false} disabled={busy} onChange={(e) => editConnection(k, { identityFile: e.target.value })} />
              </div>
            </div>
            {d.identityFile && (
              <div className="field">
                <label htmlFor={id('pass')}>Key passphrase</label>
                <div className="field-input">
                  <input id={id('pass')} type="password" value={passphrase} autoComplete="off" disabled={busy} onChange={(e) => setPassphrase(e.target.value)} />
                </div>
              </div>
            )}
          </>
        ) : (
          <SerialFields k={k} d={d} disabled={busy} />
        )}
        <div className="field">
          <label htmlFor={id('password')}>Password</label>
          <div className="field-input">
            <input id={id('password')} type="password" value={password} autoComplete="off" disabled={busy} onChange={(e) => setPassword(e.target.value)} />
          </div>
        </div>
        <p className="muted small">
          {labDevice ? "A device of the lab pair: leave the password empty to log in with the lab's own account. " : ''}
          The password goes to the host for this connection only; it is not kept in the app or written anywhere.
        </p>
        <div className="button-row">
          {busy ? (
            <>
              <span role="status" className="spinner-text">
                {d.step ?? 'Connecting…'}
              </span>
              <button type="button" onClick={() => void cancelConnect(k)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="submit" className="primary">
              Connect {K}
            </button>
          )}
        </div>
      </form>
      {d.error && (
        <>
          <ErrorNote error={d.error} title={d.error.code === 'HOST_KEY_MISMATCH' ? 'Refused: the host key has changed.' : `Device ${K} is not connected.`} />
          {d.error.code === 'HOST_KEY_MISMATCH' && d.error.details && <MismatchNote details={d.error.details} />}
        </>
      )}
      {d.hostKey && <HostKeyDialog device={K} hostKey={d.hostKey} onAccept={() => void go(d.hostKey!.fingerprint)} onDecline={() => declineHostKey(k)} />}
    </section>
  );
}
