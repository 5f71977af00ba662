import { useStore } from '../../store/index';

/** Bytes → base64 in chunks (String.fromCharCode on a whole 16 MB array would overflow the stack). */
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function BundlesScreen() {
  const bundle = useStore((s) => s.bundle);
  const error = useStore((s) => s.bundleError);
  const busy = useStore((s) => s.bundleBusy);
  const check = useStore((s) => s.checkBundle);

  const onFile = async (file: File | undefined) => {
    if (file) await check(file.name, toBase64(new Uint8Array(await file.arrayBuffer())));
  };
  const m = bundle?.show?.manifest;

  return (
    <div className="screen">
      <header className="screen-head">
        <h1>Bundles</h1>
      </header>
      <section className="card">
        <h2>Verify and show a bundle</h2>
        <label className="inline">
          Bundle file (.hpb) <input type="file" accept=".hpb" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
        {busy && <p role="status">Checking…</p>}
        {error && (
          <p className="error-text" role="alert">
            {error.message} {error.fix}
          </p>
        )}
        {bundle && (
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
        )}
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
              <code>{m.signer.fingerprint}</code> {bundle?.show?.signerTrusted ? '(trusted)' : '(not trusted)'}
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
      </section>
      <section className="card not-available" role="note">
        <p>
          <strong>Not available yet:</strong> creating, importing and applying bundles from the app (use <code>hotpair bundle create</code> on the command line;
          applying needs commissioning, which is not in this build).
        </p>
      </section>
    </div>
  );
}
