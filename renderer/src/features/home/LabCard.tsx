import { useStore } from '../../store/index';
import { selectInfo, selectLab, selectLabBusy, selectLabError, selectLabStep } from '../../store/selectors';
import { useAppTranslation } from '../../i18n';
import { errorText } from '../../../../src/i18n/core-text';

/** The built-in lab pair: one button to start it, then where its two devices are. */
export function LabCard() {
  const info = useStore(selectInfo);
  const lab = useStore(selectLab);
  const busy = useStore(selectLabBusy);
  const step = useStore(selectLabStep);
  const error = useStore(selectLabError) ?? lab.error;
  const { startLab, cancelLab, stopLab, openDoc, navigate } = useStore.getState();
  const { t, i18n } = useAppTranslation();
  const said = error && errorText(i18n, error);
  const openLabPair = () => {
    openDoc(t('home.lab.docName'), lab.pairDoc);
    navigate('pairing');
  };

  if (!info?.labAvailable)
    return (
      <section className="card" aria-label={t('home.lab.title')}>
        <h2>{t('home.lab.title')}</h2>
        <p className="muted">{t('home.lab.unavailable')}</p>
      </section>
    );

  return (
    <section className="card lab" aria-label={t('home.lab.title')}>
      <h2>{t('home.lab.title')}</h2>
      <p>{t('home.lab.intro')}</p>
      {lab.state === 'running' ? (
        <>
          <ul className="lab-devices">
            {lab.devices.map((d) => (
              <li key={d.key}>
                <strong>{d.sysname}</strong> ({d.key.toUpperCase()}){d.ssh && <> · {t('home.lab.ssh', { host: d.ssh.host, port: String(d.ssh.port), username: d.ssh.username })}</>}
                {d.serialPath && <> · {t('home.lab.console', { path: d.serialPath })}</>}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="primary" onClick={openLabPair} disabled={lab.pairDoc === undefined}>
              {t('home.lab.open')}
            </button>
            <button type="button" onClick={() => void stopLab()}>
              {t('home.lab.stop')}
            </button>
          </div>
        </>
      ) : busy || lab.state === 'starting' ? (
        <div className="button-row">
          <span role="status">{step ?? t('home.lab.starting')}</span>
          <button type="button" onClick={() => void cancelLab()}>
            {t('home.lab.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="primary big" onClick={() => void startLab()}>
          {t('home.lab.start')}
        </button>
      )}
      {said && (
        <p className="error-text" role="alert">
          {said.message}
          {said.fix ? ` ${said.fix}` : ''}
        </p>
      )}
    </section>
  );
}
