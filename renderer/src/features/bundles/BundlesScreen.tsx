import { useEffect, useState } from 'react';
import { useStore } from '../../store/index';
import { ApplyBundle } from './ApplyBundle';
import { BundleVerdict } from './BundleVerdict';
import { CreateBundle } from './CreateBundle';
import { TrustKeys } from './TrustKeys';
import { VerifyReport } from '../report/VerifyReport';
import { fileBase64 } from '../../services/files';
import '../common/panels.css';
import { useAppTranslation } from '../../i18n';
import { ErrorLine } from '../pairing/ErrorNote';

export function BundlesScreen() {
  const bundle = useStore((s) => s.bundle);
  const error = useStore((s) => s.bundleError);
  const busy = useStore((s) => s.bundleBusy);
  const check = useStore((s) => s.checkBundle);
  const loadTrust = useStore((s) => s.loadTrust);
  const { t } = useAppTranslation();
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
        <h1>{t('bundles.title')}</h1>
      </header>
      <CreateBundle />
      <section className="card">
        <h2>{t('bundles.verify.title')}</h2>
        <label className="inline">
          {t('bundles.verify.file')} <input type="file" accept=".hpb" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
        {busy && <p role="status">{t('bundles.verify.checking')}</p>}
        {error && (
          <p className="error-text" role="alert">
            <ErrorLine error={error} />
          </p>
        )}
        <BundleVerdict />
      </section>
      {ready && <ApplyBundle data={picked} />}
      <VerifyReport />
      <TrustKeys />
    </div>
  );
}
