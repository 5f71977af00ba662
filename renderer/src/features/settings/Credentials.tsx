import { useState } from 'react';
import { useStore } from '../../store/index';

const WHERE = {
  keychain: 'Kept encrypted by the operating system keychain.',
  passphrase: 'Kept in a file sealed with your passphrase (scrypt + AES-GCM); unlocked for this run only.',
  off: 'No OS keychain here (browser mode), so no login is kept unless you choose a passphrase to seal them with.',
};

/** Saved logins: names only in the UI; passwords go to the host once and stay there, encrypted. */
export function Credentials() {
  const c = useStore((s) => s.credentials);
  const unlock = useStore((s) => s.unlockCredentials);
  const save = useStore((s) => s.saveCredential);
  const remove = useStore((s) => s.deleteCredential);
  const [passphrase, setPassphrase] = useState('');
  const [form, setForm] = useState({ label: '', username: '', password: '', url: '' });
  if (!c) return null;
  const usable = c.store === 'keychain' || (c.store === 'passphrase' && !c.locked);

  return (
    <section className="card" aria-label="Credentials">
      <h2>Credentials</h2>
      <p className="muted small">{WHERE[c.store]}</p>
      {!usable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void unlock(passphrase).then((ok) => ok && setPassphrase(''));
          }}
        >
          <label className="field">
            {c.locked ? 'Passphrase to unlock saved logins' : 'Choose a passphrase (8 characters or more) to keep logins'}
            <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" minLength={8} />
          </label>
          <button type="submit" className="primary" disabled={passphrase.length < 8}>
            {c.locked ? 'Unlock' : 'Keep logins with this passphrase'}
          </button>
        </form>
      )}
      {usable && (
        <>
          {c.credentials.length > 0 && (
            <ul>
              {c.credentials.map((x) => (
                <li key={x.id}>
                  {x.label} — {x.username}
                  {x.url ? ` · ${x.url}` : ''}{' '}
                  <button type="button" aria-label={`Forget ${x.label}`} onClick={() => void remove(x.id)}>
                    Forget
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="inline-form"
            aria-label="Save a login"
            onSubmit={(e) => {
              e.preventDefault();
              void save({ label: form.label, username: form.username, password: form.password, ...(form.url ? { url: form.url } : {}) }).then(
                (ok) => ok && setForm({ label: '', username: '', password: '', url: '' }),
              );
            }}
          >
            <label className="field">
              Name <input value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} required />
            </label>
            <label className="field">
              User <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required autoComplete="off" />
            </label>
            <label className="field">
              Password <input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required autoComplete="new-password" />
            </label>
            <label className="field">
              Device URL (optional) <input value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} spellCheck={false} />
            </label>
            <button type="submit" className="primary">Save login</button>
          </form>
        </>
      )}
    </section>
  );
}
