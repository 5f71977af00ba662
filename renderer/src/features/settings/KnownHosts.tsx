import { useStore } from '../../store/index';
import { useAppTranslation } from '../../i18n';

/** SSH host keys trusted so far (shared with the `hotpair` CLI); removing one makes the next connection ask again. */
export function KnownHosts() {
  const kh = useStore((s) => s.knownHosts);
  const forget = useStore((s) => s.forgetHost);
  const { t } = useAppTranslation();
  return (
    <section className="card" aria-label={t('settings.knownHosts.title')}>
      <h2>{t('settings.knownHosts.title')}</h2>
      {!kh || kh.hosts.length === 0 ? (
        <p className="muted">{t('settings.knownHosts.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('settings.knownHosts.host')}</th>
              <th scope="col">{t('settings.knownHosts.key')}</th>
              <th scope="col">{t('settings.knownHosts.fingerprint')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('settings.knownHosts.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {kh.hosts.map((h) => (
              <tr key={`${h.host}:${h.port}`}>
                <td>{h.port === 22 ? h.host : `${h.host}:${h.port}`}</td>
                <td>{h.type}</td>
                <td>
                  <code>{h.fingerprint}</code>
                </td>
                <td>
                  <button type="button" aria-label={t('settings.knownHosts.removeLabel', { host: h.host, port: String(h.port) })} onClick={() => void forget(h.host, h.port)}>
                    {t('settings.knownHosts.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {kh && <p className="muted small">{t('settings.knownHosts.kept', { file: kh.file })}</p>}
    </section>
  );
}
