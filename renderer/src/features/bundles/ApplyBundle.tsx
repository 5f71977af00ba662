import { useState } from 'react';
import { useStore } from '../../store/index';
import { useAppTranslation } from '../../i18n';
import { either } from '../common/intl';
import { SavedLoginSelect } from '../common/SavedLoginSelect';
import { ErrorLine } from '../pairing/ErrorNote';
import { applyOutcomeText } from '../../../../src/i18n/bundle-apply';

type Side = { url: string; password: string; credentialId: string };
const EMPTY: Side = { url: '', password: '', credentialId: '' };

/**
 * Commission the pair of the verified bundle: each device's URL (the bundle's by default), its
 * login, then the same workflow as `hotpair bundle apply` with progress and Cancel. Passwords stay
 * in this form's local state and are cleared when the run ends.
 */
export function ApplyBundle({ data }: { data: { name: string; data: string } }) {
  const apply = useStore((s) => s.apply);
  const run = useStore((s) => s.applyBundle);
  const cancel = useStore((s) => s.cancelApply);
  const secrets = useStore((s) => s.bundle?.show?.manifest.secrets);
  const [sides, setSides] = useState<{ a: Side; b: Side }>({ a: EMPTY, b: EMPTY });
  const [bundlePassphrase, setBundlePassphrase] = useState('');
  const [dryRun, setDryRun] = useState(true);
  const running = apply.opId !== undefined;
  const { t, i18n } = useAppTranslation();
  const set = (k: 'a' | 'b', p: Partial<Side>) => setSides((s) => ({ ...s, [k]: { ...s[k], ...p } }));
  const side = (s: Side) => ({ ...(s.url.trim() ? { url: s.url.trim() } : {}), ...(s.credentialId ? { credentialId: s.credentialId } : s.password ? { password: s.password } : {}) });

  const start = async () => {
    await run({ bundle: data, a: side(sides.a), b: side(sides.b), dryRun, ...(bundlePassphrase ? { bundlePassphrase } : {}) });
    setSides((s) => ({ a: { ...s.a, password: '' }, b: { ...s.b, password: '' } }));
    setBundlePassphrase('');
  };

  return (
    <section className="card" aria-label={t('bundles.apply.label')}>
      <h2>{t('bundles.apply.title')}</h2>
      <div className="two-col">
        {(['a', 'b'] as const).map((k) => (
          <fieldset key={k} className="section" disabled={running}>
            <legend>{t('bundles.apply.device', { device: k.toUpperCase() })}</legend>
            <label className="field">
              {t('bundles.apply.url')}
              <input value={sides[k].url} onChange={(e) => set(k, { url: e.target.value })} placeholder={either(i18n.language, ['ssh://…', 'serial:///dev/ttyUSB0?baud=auto'])} spellCheck={false} />
            </label>
            <SavedLoginSelect value={sides[k].credentialId} onChange={(credentialId) => set(k, { credentialId })} label={t('bundles.apply.savedLogin')} />
            {!sides[k].credentialId && (
              <label className="field">
                {t('bundles.apply.password')}
                <input type="password" value={sides[k].password} onChange={(e) => set(k, { password: e.target.value })} autoComplete="off" />
              </label>
            )}
          </fieldset>
        ))}
      </div>
      {secrets && (
        <label className="field">
          {t('bundles.apply.passphrase')}
          <input type="password" value={bundlePassphrase} onChange={(e) => setBundlePassphrase(e.target.value)} autoComplete="off" disabled={running} />
        </label>
      )}
      <p className="button-row">
        <label className="inline">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} disabled={running} /> {t('bundles.apply.dryRun')}
        </label>
        <button type="button" className="primary" onClick={() => void start()} disabled={running}>
          {t(dryRun ? 'bundles.apply.plan' : 'bundles.apply.apply')}
        </button>
        {running && (
          <button type="button" onClick={() => void cancel()}>
            {t('bundles.apply.cancel')}
          </button>
        )}
      </p>
      {running && (
        <p role="status" aria-label={t('bundles.apply.progress')}>
          {apply.step}
          {apply.total ? t('bundles.apply.line', { done: apply.done ?? 0, total: apply.total }) : ''}
          {apply.line ? `: ${apply.line}` : ''}
          {apply.total ? <progress max={apply.total} value={apply.done ?? 0} /> : null}
        </p>
      )}
      {apply.result && (
        <p role="status" className={apply.result.outcome === 'success' || apply.result.outcome === 'dry-run' || apply.result.outcome === 'nothing-to-do' ? '' : 'error-text'}>
          {applyOutcomeText(i18n, apply.result)} {apply.result.journal && <span className="muted small">{t('bundles.apply.journal', { path: apply.result.journal })}</span>}
        </p>
      )}
      {apply.error && (
        <p className="error-text" role="alert">
          <ErrorLine error={apply.error} />
        </p>
      )}
    </section>
  );
}
