import { useEffect, useState } from 'react';
import { useStore } from '../../store/index';

/** This machine's public key to hand out, and trusting a creator's key after comparing its fingerprint. */
export function TrustKeys() {
  const keys = useStore((s) => s.keys);
  const pending = useStore((s) => s.pendingKey);
  const error = useStore((s) => s.keyError);
  const load = useStore((s) => s.loadKeys);
  const show = useStore((s) => s.showKey);
  const trust = useStore((s) => s.trustKey);
  const [line, setLine] = useState('');
  useEffect(() => void load(), [load]);

  return (
    <section className="card" aria-label="Trusted creators">
      <h2>Keys</h2>
      {keys?.own ? (
        <p>
          This machine signs with <code>{keys.own.fingerprint}</code>. Give this line to whoever applies your bundles:
          <br />
          <code className="key-line">{keys.own.line}</code>
        </p>
      ) : (
        <p className="muted">No signing key yet: it is made when you create your first bundle.</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void show(line);
        }}
      >
        <label className="field">
          A creator&apos;s public key
          <input value={line} onChange={(e) => setLine(e.target.value)} placeholder="hotpair-ed25519 … SHA256:…" spellCheck={false} />
        </label>
        <button type="submit" className="primary" disabled={!line.trim()}>
          Show fingerprint
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error.message} {error.fix}
        </p>
      )}
      {pending && (
        <div role="status" aria-label="Key fingerprint">
          <p>
            Fingerprint <code className="fingerprint">{pending.fingerprint}</code> {pending.trusted ? '— trusted.' : ''}
          </p>
          {!pending.trusted && (
            <>
              <p className="muted small">Read it to the key&apos;s owner (or compare with their `hotpair bundle key list`) before trusting it.</p>
              <button type="button" onClick={() => void trust()}>
                The fingerprint matches: trust this key
              </button>
            </>
          )}
        </div>
      )}
      {keys && keys.trusted.length > 0 && (
        <>
          <h3>Trusted creators</h3>
          <ul className="small">
            {keys.trusted.map((fp) => (
              <li key={fp}>
                <code>{fp}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
