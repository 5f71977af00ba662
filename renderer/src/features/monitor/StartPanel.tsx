import { useState } from 'react';
import { useStore } from '../../store/index';
import { selectDoc, selectLab } from '../../store/selectors';
import { selectMonitorStarting } from './selectors';

/**
 * What to monitor: the lab pair (when it runs) or the pair open in Pairing. Passwords are held
 * in this form only until they are sent, then cleared: never in the store, never on disk.
 */
export function StartPanel() {
  const lab = useStore(selectLab);
  const doc = useStore(selectDoc);
  const starting = useStore(selectMonitorStarting);
  const start = useStore((s) => s.startMonitor);
  const [pw, setPw] = useState({ a: '', b: '' });
  const name = doc && typeof doc.name === 'string' ? doc.name : undefined;
  const startFile = async () => {
    const passwords = { ...(pw.a ? { a: pw.a } : {}), ...(pw.b ? { b: pw.b } : {}) };
    setPw({ a: '', b: '' });
    await start({ source: 'file', text: JSON.stringify(doc), ...(pw.a || pw.b ? { passwords } : {}) });
  };
  return (
    <section className="card start-panel" aria-label="Start monitoring">
      <h2>Start monitoring</h2>
      <div className="start-options">
        <div>
          <button type="button" className="primary" disabled={lab.state !== 'running' || starting} onClick={() => void start({ source: 'lab' })}>
            Monitor the lab pair
          </button>
          {lab.state !== 'running' && <p className="muted small">Start the lab pair on Home first.</p>}
        </div>
        <form
          className="start-file"
          onSubmit={(e) => {
            e.preventDefault();
            void startFile();
          }}
        >
          <p className="small">{name ? `The pair open in Pairing: ${name}` : 'Open or create a pair in Pairing to monitor it.'}</p>
          <label className="inline small">
            Password A
            <input type="password" autoComplete="off" value={pw.a} onChange={(e) => setPw({ ...pw, a: e.target.value })} disabled={!name} />
          </label>
          <label className="inline small">
            Password B
            <input type="password" autoComplete="off" value={pw.b} onChange={(e) => setPw({ ...pw, b: e.target.value })} disabled={!name} />
          </label>
          <button type="submit" disabled={!name || starting}>
            Monitor {name ?? 'this pair'}
          </button>
          <p className="muted small">Passwords are used by the host while it monitors and are not stored. Device host keys must already be confirmed (Pairing or Console).</p>
        </form>
      </div>
      {starting && (
        <p role="status" className="small">
          Starting the monitor: opening the receivers and the first poll of both devices…
        </p>
      )}
    </section>
  );
}
