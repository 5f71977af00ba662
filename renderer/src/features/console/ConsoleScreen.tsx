import { lazy, Suspense, useEffect, useRef } from 'react';
import { api } from '../../services/api';
import { useStore } from '../../store/index';
import { ConnectForm, type ConnectRequest } from './ConnectForm';
import { HostKeyPrompt } from './HostKeyPrompt';
import { saveFile } from './download';
import '../common/panels.css';
import './console.css';

// xterm.js (~300 kB) loads with the first console, not with the app's first paint.
const Terminal = lazy(() => import('./Terminal').then((m) => ({ default: m.Terminal })));

export function ConsoleScreen() {
  const c = useStore((s) => s.console);
  const open = useStore((s) => s.openConsole);
  const cancel = useStore((s) => s.cancelConsole);
  const close = useStore((s) => s.closeConsole);
  const loadTrust = useStore((s) => s.loadTrust);
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
        <h1>Console</h1>
        {c.session && (
          <span className="muted">
            {c.session.label}
            {c.session.baud ? ` @${c.session.baud}` : ''} · {c.status === 'open' ? 'connected' : `closed (${c.closedReason ?? ''})`}
          </span>
        )}
      </header>
      {c.status !== 'open' && !c.hostKey && <ConnectForm busy={c.status === 'connecting'} onConnect={(r) => connect(r)} />}
      {c.status === 'connecting' && (
        <p role="status">
          {c.step ?? 'connecting'}…{' '}
          <button type="button" onClick={() => void cancel()}>
            Cancel
          </button>
        </p>
      )}
      {c.error && (
        <p className="error-text" role="alert">
          {c.error.message} {c.error.fix}
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
        <section className="card terminal-card" aria-label="Terminal">
          <div className="button-row">
            <button type="button" onClick={() => void saveTranscript()}>
              Save transcript
            </button>
            {c.status === 'open' && (
              <button type="button" onClick={() => void close()}>
                Disconnect
              </button>
            )}
            <span className="muted small">Passwords typed at Password: prompts and in “password simple …” are redacted in the transcript.</span>
          </div>
          <Suspense fallback={<p role="status">Loading the terminal…</p>}>
            <Terminal key={c.session.sessionId} sessionId={c.session.sessionId} />
          </Suspense>
        </section>
      )}
    </div>
  );
}
