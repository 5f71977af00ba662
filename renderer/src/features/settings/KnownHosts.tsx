import { useStore } from '../../store/index';

/** SSH host keys trusted so far (shared with the `hotpair` CLI); removing one makes the next connection ask again. */
export function KnownHosts() {
  const kh = useStore((s) => s.knownHosts);
  const forget = useStore((s) => s.forgetHost);
  return (
    <section className="card" aria-label="Known hosts">
      <h2>Known hosts</h2>
      {!kh || kh.hosts.length === 0 ? (
        <p className="muted">No SSH host trusted yet: the first connection to a device shows its fingerprint and asks.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Key</th>
              <th scope="col">Fingerprint</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
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
                  <button type="button" aria-label={`Remove ${h.host}:${h.port}`} onClick={() => void forget(h.host, h.port)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {kh && <p className="muted small">Kept in {kh.file}</p>}
    </section>
  );
}
