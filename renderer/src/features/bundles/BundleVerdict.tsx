import { useStore } from '../../store/index';

/** The verdict on the bundle last checked, and its manifest when intact. */
export function BundleVerdict() {
  const bundle = useStore((s) => s.bundle);
  const m = bundle?.show?.manifest;
  if (!bundle) return null;
  return (
    <>
      <div className="bundle-result" aria-label="Bundle verdict">
        <p className={bundle.verify.valid && bundle.verify.trusted ? '' : 'error-text'} role="status">
          <strong>{bundle.name}:</strong>{' '}
          {!bundle.verify.valid ? 'refused — it is damaged or was changed.' : bundle.verify.trusted ? 'intact, signed by a trusted key.' : 'intact, but the signer is not trusted here.'}
        </p>
        {bundle.verify.findings.length > 0 && (
          <ul>
            {bundle.verify.findings.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        )}
      </div>
      {m && (
        <dl className="facts">
          <dt>Pair</dt>
          <dd>
            {m.pair.name} ({m.pair.mode}) · A {m.pair.sysnames.a} · B {m.pair.sysnames.b}
          </dd>
          <dt>Platform</dt>
          <dd>
            {m.platform.id} {m.platform.version}
          </dd>
          <dt>Made by</dt>
          <dd>
            {m.tool.name} {m.tool.version}, {m.createdAt}
          </dd>
          <dt>Signer</dt>
          <dd>
            <code>{m.signer.fingerprint}</code> {bundle.show?.signerTrusted ? '(trusted)' : '(not trusted)'}
          </dd>
          <dt>Secrets</dt>
          <dd>{m.secrets ? 'device passwords included, encrypted' : 'none'}</dd>
          <dt>Members</dt>
          <dd>
            <ul className="members">
              {m.members.map((x) => (
                <li key={x.path}>
                  <code>{x.path}</code> {x.size} bytes
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      )}
    </>
  );
}
