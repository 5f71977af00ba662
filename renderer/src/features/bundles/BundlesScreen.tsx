import { useEffect, useState } from 'react';
import { useStore } from '../../store/index';
import { ApplyBundle } from './ApplyBundle';
import { BundleVerdict } from './BundleVerdict';
import { CreateBundle } from './CreateBundle';
import { TrustKeys } from './TrustKeys';
import { fileBase64 } from './files';
import '../common/panels.css';

export function BundlesScreen() {
  const bundle = useStore((s) => s.bundle);
  const error = useStore((s) => s.bundleError);
  const busy = useStore((s) => s.bundleBusy);
  const check = useStore((s) => s.checkBundle);
  const loadTrust = useStore((s) => s.loadTrust);
  // The picked bundle's bytes stay in this screen (apply needs them again), never in the store.
  const [picked, setPicked] = useState<{ name: string; data: string } | undefined>();
  useEffect(() => void loadTrust(), [loadTrust]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const data = await fileBase64(file);
    setPicked({ name: file.name, data });
    await check(file.name, data);
  };
  const ready = picked && bundle?.name === picked.name && bundle.verify.valid && bundle.verify.trusted;

  return (
    <div className="screen">
      <header className="screen-head">
        <h1>Bundles</h1>
      </header>
      <CreateBundle />
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
        <BundleVerdict />
      </section>
      {ready && <ApplyBundle data={picked} />}
      <TrustKeys />
    </div>
  );
}
