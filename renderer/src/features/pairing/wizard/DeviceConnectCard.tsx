import { useState } from 'react';
import { useAppTranslation } from '../../../i18n';
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
  const { t } = useAppTranslation();
  return (
    <p className="mismatch-keys">
      {t('wizard.connect.recordedKey')} <code>{String(details.expected ?? '?')}</code>
      <br />
      {t('wizard.connect.presentedKey')} <code>{String(details.presented ?? '?')}</code>
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
  const { t } = useAppTranslation();
  const title = t('wizard.device', { device: K });
  // The store words a declined host key in English (it is an ErrorInfo); the card says it in the user's language.
  const error = d.error?.details?.declined === true ? { ...d.error, message: t('wizard.connect.declined'), fix: t('wizard.connect.declinedFix') } : d.error;

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
      <section className="card device-card connected" aria-label={title}>
        <h2>
          {title} <span className="badge ok">{t('wizard.connect.connected')}</span>
        </h2>
        <ConnectedSummary info={d.info} />
        <button type="button" onClick={() => void disconnect(k)}>
          {t('wizard.connect.disconnect', { device: K })}
        </button>
      </section>
    );

  return (
    <section className="card device-card" aria-label={title}>
      <h2>{title}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void go();
        }}
      >
        <fieldset className="kind" disabled={busy}>
          <legend>{t('wizard.connect.by')}</legend>
          {(['ssh', 'serial'] as const).map((kind) => (
            <label key={kind} className="inline">
              <input type="radio" name={id('kind')} checked={d.kind === kind} onChange={() => editConnection(k, { kind })} /> {kind === 'ssh' ? 'SSH' : t('wizard.connect.serial')}
            </label>
          ))}
        </fieldset>
        {d.kind === 'ssh' ? (
          <>
            <div className="field">
              <label htmlFor={id('url')}>{t('wizard.connect.sshUrl')}</label>
              <div className="field-input">
                <input id={id('url')} type="text" value={sshUrl} placeholder="ssh://admin@192.0.2.11:22" spellCheck={false} disabled={busy} onChange={(e) => editConnection(k, { sshUrl: e.target.value })} />
              </div>
            </div>
            <div className="field">
              <label htmlFor={id('key')}>{t('wizard.connect.keyFile')}</label>
              <div className="field-input">
                <input id={id('key')} type="text" value={d.identityFile} placeholder={t('wizard.connect.keyFilePlaceholder')} spellCheck={false} disabled={busy} onChange={(e) => editConnection(k, { identityFile: e.target.value })} />
              </div>
            </div>
            {d.identityFile && (
              <div className="field">
                <label htmlFor={id('pass')}>{t('wizard.connect.passphrase')}</label>
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
          <label htmlFor={id('password')}>{t('wizard.connect.password')}</label>
          <div className="field-input">
            <input id={id('password')} type="password" value={password} autoComplete="off" disabled={busy} onChange={(e) => setPassword(e.target.value)} />
          </div>
        </div>
        <p className="muted small">
          {labDevice ? `${t('wizard.connect.labPassword')} ` : ''}
          {t('wizard.connect.passwordNote')}
        </p>
        <div className="button-row">
          {busy ? (
            <>
              <span role="status" className="spinner-text">
                {d.step ?? t('wizard.connect.connecting')}
              </span>
              <button type="button" onClick={() => void cancelConnect(k)}>
                {t('wizard.connect.cancel')}
              </button>
            </>
          ) : (
            <button type="submit" className="primary">
              {t('wizard.connect.connectDevice', { device: K })}
            </button>
          )}
        </div>
      </form>
      {error && (
        <>
          <ErrorNote error={error} title={error.code === 'HOST_KEY_MISMATCH' ? t('wizard.connect.keyChanged') : t('wizard.connect.notConnected', { device: K })} />
          {error.code === 'HOST_KEY_MISMATCH' && error.details && <MismatchNote details={error.details} />}
        </>
      )}
      {d.hostKey && <HostKeyDialog device={K} hostKey={d.hostKey} onAccept={() => void go(d.hostKey!.fingerprint)} onDecline={() => declineHostKey(k)} />}
    </section>
  );
}
