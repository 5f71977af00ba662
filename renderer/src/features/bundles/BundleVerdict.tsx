import { useStore } from '../../store/index';
import { useAppTranslation } from '../../i18n';
import { utcDateTime } from '../common/intl';

/** The verdict on the bundle last checked, and its manifest when intact. */
export function BundleVerdict() {
  const bundle = useStore((s) => s.bundle);
  const m = bundle?.show?.manifest;
  const { t, i18n } = useAppTranslation();
  if (!bundle) return null;
  return (
    <>
      <div className="bundle-result" aria-label={t('bundles.verdict.label')}>
        <p className={bundle.verify.valid && bundle.verify.trusted ? '' : 'error-text'} role="status">
          <strong>{t('bundles.verdict.name', { name: bundle.name })}</strong> {t(!bundle.verify.valid ? 'bundles.verdict.refused' : bundle.verify.trusted ? 'bundles.verdict.trusted' : 'bundles.verdict.untrusted')}
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
          <dt>{t('bundles.verdict.pair')}</dt>
          <dd>{t('bundles.verdict.pairValue', { name: m.pair.name, mode: m.pair.mode, a: m.pair.sysnames.a, b: m.pair.sysnames.b })}</dd>
          <dt>{t('bundles.verdict.platform')}</dt>
          <dd>
            {m.platform.id} {m.platform.version}
          </dd>
          <dt>{t('bundles.verdict.madeBy')}</dt>
          <dd>{t('bundles.verdict.madeByValue', { tool: m.tool.name, version: m.tool.version, date: utcDateTime(i18n.language, m.createdAt) })}</dd>
          <dt>{t('bundles.verdict.signer')}</dt>
          <dd>
            <code>{m.signer.fingerprint}</code> {t(bundle.show?.signerTrusted ? 'bundles.verdict.signerTrusted' : 'bundles.verdict.signerUntrusted')}
          </dd>
          <dt>{t('bundles.verdict.secrets')}</dt>
          <dd>{t(m.secrets ? 'bundles.verdict.secretsIncluded' : 'bundles.verdict.secretsNone')}</dd>
          <dt>{t('bundles.verdict.members')}</dt>
          <dd>
            <ul className="members">
              {m.members.map((x) => (
                <li key={x.path}>
                  <code>{x.path}</code> {t('bundles.verdict.size', { size: x.size })}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      )}
    </>
  );
}
