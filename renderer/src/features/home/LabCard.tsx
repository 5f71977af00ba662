import { useStore } from '../../store/index';
import { selectInfo, selectLab, selectLabBusy, selectLabError, selectLabStep } from '../../store/selectors';

/** The built-in lab pair: one button to start it, then where its two devices are. */
export function LabCard() {
  const info = useStore(selectInfo);
  const lab = useStore(selectLab);
  const busy = useStore(selectLabBusy);
  const step = useStore(selectLabStep);
  const error = useStore(selectLabError) ?? lab.error;
  const { startLab, cancelLab, stopLab, openDoc, navigate } = useStore.getState();
  const openLabPair = () => {
    openDoc('lab pair', lab.pairDoc);
    navigate('pairing');
  };

  if (!info?.labAvailable)
    return (
      <section className="card" aria-label="Lab pair">
        <h2>Lab pair</h2>
        <p className="muted">The built-in lab pair is not available in this run (the host was started without it).</p>
      </section>
    );

  return (
    <section className="card lab" aria-label="Lab pair">
      <h2>Lab pair</h2>
      <p>Two simulated SecPath firewalls on this machine, to walk the whole flow without hardware.</p>
      {lab.state === 'running' ? (
        <>
          <ul className="lab-devices">
            {lab.devices.map((d) => (
              <li key={d.key}>
                <strong>{d.sysname}</strong> ({d.key.toUpperCase()}){d.ssh && <> · SSH {d.ssh.host}:{d.ssh.port} as {d.ssh.username}</>}
                {d.serialPath && <> · console {d.serialPath}</>}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="primary" onClick={openLabPair} disabled={lab.pairDoc === undefined}>
              Open the lab pair
            </button>
            <button type="button" onClick={() => void stopLab()}>
              Stop the lab
            </button>
          </div>
        </>
      ) : busy || lab.state === 'starting' ? (
        <div className="button-row">
          <span role="status">{step ?? 'Starting…'}</span>
          <button type="button" onClick={() => void cancelLab()}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="primary big" onClick={() => void startLab()}>
          Start the lab pair
        </button>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error.message}
          {error.fix ? ` ${error.fix}` : ''}
        </p>
      )}
    </section>
  );
}
