import { useEffect, useState } from 'react';
import { useStore } from '../../store/index';
import { selectLab } from '../../store/selectors';
import { useAppTranslation } from '../../i18n';
import { either } from '../common/intl';
import { SavedLoginSelect } from '../common/SavedLoginSelect';

export interface ConnectRequest {
  url: string;
  username?: string;
  password?: string;
  credentialId?: string;
  labLogin?: boolean;
}

/**
 * Where and how to log in. The password lives in this form's local state only until it is
 * handed to the host, and is cleared once the console is connected (never in the store).
 */
export function ConnectForm({ busy, onConnect }: { busy: boolean; onConnect: (r: ConnectRequest) => Promise<boolean> }) {
  const lastUrl = useStore((s) => s.console.url);
  const lab = useStore(selectLab);
  const ports = useStore((s) => s.serialPorts);
  const loadPorts = useStore((s) => s.loadSerialPorts);
  useEffect(() => void loadPorts(), [loadPorts]);
  const [url, setUrl] = useState(lastUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [credentialId, setCredentialId] = useState('');
  // A lab device picked by its button logs in with the lab's login, which only the host knows.
  const [labLogin, setLabLogin] = useState(false);
  const serial = url.trim().startsWith('serial:');
  const { t, i18n } = useAppTranslation();

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await onConnect({
      url: url.trim(),
      ...(serial && username ? { username } : {}),
      ...(labLogin ? { labLogin: true } : credentialId ? { credentialId } : password ? { password } : {}),
    });
    if (ok) setPassword('');
  };

  return (
    <form className="card connect-form" onSubmit={(e) => void submit(e)} aria-label={t('console.connect.label')}>
      <h2>{t('console.connect.title')}</h2>
      {lab.state === 'running' && lab.devices.some((d) => d.ssh) && (
        <p className="button-row">
          <span className="muted small">{t('console.connect.lab')}</span>
          {lab.devices.map((d) =>
            d.ssh ? (
              <button
                key={d.key}
                type="button"
                onClick={() => {
                  setUrl(`ssh://${d.ssh!.username}@${d.ssh!.host}:${d.ssh!.port}`);
                  setLabLogin(true);
                }}
              >
                {d.sysname}
              </button>
            ) : null,
          )}
        </p>
      )}
      {ports && ports.length > 0 && (
        <label className="field">
          {t('console.connect.serialPort')}
          <select
            value={serial ? (ports.find((p) => url.startsWith(`serial://${p.path}`))?.path ?? '') : ''}
            onChange={(e) => {
              // auto-baud tries the usual console speeds; the URL can still be edited after
              if (e.target.value) setUrl(`serial://${e.target.value}?baud=auto`);
              setLabLogin(false);
            }}
          >
            <option value="">{t('console.connect.pickPort')}</option>
            {ports.map((p) => (
              <option key={p.path} value={p.path}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        {t('console.connect.url')}
        <input
          value={url}
          onChange={(e) => {
            setUrl(e.target.value);
            setLabLogin(false);
          }}
          placeholder={either(i18n.language, ['ssh://admin@10.0.0.1:22', 'serial:///dev/ttyUSB0?baud=auto'])}
          required spellCheck={false} />
      </label>
      {serial && (
        <label className="field">
          {t('console.connect.login')}
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" />
        </label>
      )}
      {labLogin && <p className="muted small">{t('console.connect.labLogin')}</p>}
      {!labLogin && <SavedLoginSelect value={credentialId} onChange={setCredentialId} label={t('console.connect.savedLogin')} />}
      {!labLogin && !credentialId && (
        <label className="field">
          {t('console.connect.password')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </label>
      )}
      <p className="button-row">
        <button type="submit" className="primary" disabled={busy || !url.trim()}>
          {t('console.connect.connect')}
        </button>
      </p>
    </form>
  );
}
