import { useState } from 'react';
import { useStore } from '../../store/index';
import { useAppTranslation } from '../../i18n';

/** The shortest passphrase the host accepts for the logins file (the contract's settings.unlock). */
const MIN_PASSPHRASE = 8;

/** Saved logins: names only in the UI; passwords go to the host once and stay there, encrypted. */
export function Credentials() {
  const c = useStore((s) => s.credentials);
  const unlock = useStore((s) => s.unlockCredentials);
  const save = useStore((s) => s.saveCredential);
  const remove = useStore((s) => s.deleteCredential);
  const [passphrase, setPassphrase] = useState('');
  const [form, setForm] = useState({ label: '', username: '', password: '', url: '' });
  const { t } = useAppTranslation();
  if (!c) return null;
  const usable = c.store === 'keychain' || (c.store === 'passphrase' && !c.locked);

  return (
    <section className="card" aria-label={t('settings.credentials.title')}>
      <h2>{t('settings.credentials.title')}</h2>
      <p className="muted small">{t(`settings.credentials.where.${c.store}`)}</p>
      {!usable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void unlock(passphrase).then((ok) => ok && setPassphrase(''));
          }}
        >
          <label className="field">
            {c.locked ? t('settings.credentials.unlockPassphrase') : t('settings.credentials.choosePassphrase', { min: MIN_PASSPHRASE })}
            <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" minLength={MIN_PASSPHRASE} />
          </label>
          <button type="submit" className="primary" disabled={passphrase.length < MIN_PASSPHRASE}>
            {c.locked ? t('settings.credentials.unlock') : t('settings.credentials.keep')}
          </button>
        </form>
      )}
      {usable && (
        <>
          {c.credentials.length > 0 && (
            <ul>
              {c.credentials.map((x) => (
                <li key={x.id}>
                  {t('settings.credentials.entry', { label: x.label, username: x.username })}
                  {x.url ? ` · ${x.url}` : ''}{' '}
                  <button type="button" aria-label={t('settings.credentials.forgetLabel', { label: x.label })} onClick={() => void remove(x.id)}>
                    {t('settings.credentials.forget')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="inline-form"
            aria-label={t('settings.credentials.saveLabel')}
            onSubmit={(e) => {
              e.preventDefault();
              void save({ label: form.label, username: form.username, password: form.password, ...(form.url ? { url: form.url } : {}) }).then(
                (ok) => ok && setForm({ label: '', username: '', password: '', url: '' }),
              );
            }}
          >
            <label className="field">
              {t('settings.credentials.name')} <input value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} required />
            </label>
            <label className="field">
              {t('settings.credentials.user')} <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required autoComplete="off" />
            </label>
            <label className="field">
              {t('settings.credentials.password')} <input type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required autoComplete="new-password" />
            </label>
            <label className="field">
              {t('settings.credentials.url')} <input value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} spellCheck={false} />
            </label>
            <button type="submit" className="primary">
              {t('settings.credentials.save')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
