import { lazy, Suspense, useEffect, useRef } from 'react';
import { api } from '../../services/api';
import { useStore } from '../../store/index';
import { ConnectForm, type ConnectRequest } from './ConnectForm';
import { HostKeyPrompt } from './HostKeyPrompt';
import { saveFile } from '../../services/files';
import '../common/panels.css';
import './console.css';
import { useAppTranslation } from '../../i18n';
import { ErrorLine } from '../pairing/ErrorNote';

// xterm.js (~300 kB) loads with the first console, not with the app's first paint.
const Terminal = lazy(() => import('./Terminal').then((m) => ({ default: m.Terminal })));

export function ConsoleScreen() {
  const c = useStore((s) => s.console);
  const open = useStore((s) => s.openConsole);
  const cancel = useStore((s) => s.cancelConsole);
  const close = useStore((s) => s.closeConsole);
  const loadTrust = useStore((s) => s.loadTrust);
  const { t } = useAppTranslation();
  // The request that met an unknown host key, kept only until the user answers (a ref: not state).
  const pending = useRef<ConnectRequest | undefined>(undefined);

  useEffect(() => void loadTrust(), [loadTrust]);

  const connect = async (r: ConnectRequest, acceptHostKey?: string) => {
    pending.current = r;
    const ok = await open({ ...r, ...(acceptHostKey ? { acceptHostKey } : {}), cols: 100, rows: 30 });
    if (ok || !useStore.getState().console.hostKey) pending.current = undefined;
    return ok;
  };
  const saveTranscript = async () => {
    if (!c.session) return;
    const r = await api()['console.transcript']({ sessionId: c.session.sessionId });
    if (r.ok) saveFile(r.data.name, r.data.text, 'application/x-ndjson');
  };

  return (
    <div className="screen console-screen">
      <header className="screen-head">
        <h1>{t('console.title')}</h1>
        {c.session && (
          <span className="muted">
            {c.session.label}
            {c.session.baud ? ` @${c.session.baud}` : ''} · {c.status === 'open' ? t('console.connected') : t('console.closed', { reason: !c.closedReason || c.closedReason === 'closed' ? t('console.closedReason') : c.closedReason })}
          </span>
        )}
      </header>
      {c.status !== 'open' && !c.hostKey && <ConnectForm busy={c.status === 'connecting'} onConnect={(r) => connect(r)} />}
      {c.status === 'connecting' && (
        <p role="status">
          {/* the store's own first step is 'connecting'; later steps are the host's words */}
          {c.step === undefined || c.step === 'connecting' ? t('console.connecting') : `${c.step}…`}{' '}
          <button type="button" onClick={() => void cancel()}>
            {t('console.cancel')}
          </button>
        </p>
      )}
      {c.error && (
        <p className="error-text" role="alert">
          <ErrorLine error={c.error} />
        </p>
      )}
      {c.hostKey && (
        <HostKeyPrompt
          hostKey={c.hostKey}
          onAccept={() => pending.current && void connect(pending.current, c.hostKey!.fingerprint)}
          onReject={() => {
            pending.current = undefined;
            useStore.setState((s) => ({ console: { ...s.console, hostKey: undefined } }));
          }}
        />
      )}
      {c.session && (
        <section className="card terminal-card" aria-label={t('console.terminalLabel')}>
          <div className="button-row">
            <button type="button" onClick={() => void saveTranscript()}>
              {t('console.save')}
            </button>
            {c.status === 'open' && (
              <button type="button" onClick={() => void close()}>
                {t('console.disconnect')}
              </button>
            )}
            <span className="muted small">{t('console.redacted', { prompt: 'Password:', command: 'password simple …' })}</span>
          </div>
          <Suspense fallback={<p role="status">{t('console.loading')}</p>}>
            <Terminal key={c.session.sessionId} sessionId={c.session.sessionId} />
          </Suspense>
        </section>
      )}
    </div>
  );
}
