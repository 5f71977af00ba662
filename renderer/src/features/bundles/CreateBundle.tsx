import { useState } from 'react';
import type { i18n as I18n, TFunction } from 'i18next';
import { useStore } from '../../store/index';
import { fromBase64, saveFile } from '../../services/files';
import { useAppTranslation } from '../../i18n';
import { ErrorLine } from '../pairing/ErrorNote';
import { diagnosticText } from '../../../../src/i18n/diagnostic';
import { saidText } from '../../../../src/i18n/progress';
import type { Output } from '../../../../src/contract/index';

type RefusedSaid = NonNullable<Output<'bundles.create'>['refusedSaid']>[number];

/** A refused inventory row in the reader's language; its English when the host sent no codes. */
function refusedText(i18n: I18n, t: TFunction, english: string, r: RefusedSaid | undefined): string {
  const message = r?.said ? saidText(i18n, r.said, '') : r?.diagnostics?.map((d) => `${d.path ? `${d.path}: ` : ''}${diagnosticText(i18n, d).message}${d.code?.startsWith('load.') ? '' : ` [${d.rule}]`}`).join('; ');
  if (!r || !message) return english;
  return r.column ? t('bundles.create.refusedCell', { row: String(r.row), column: r.column, message }) : t('bundles.create.refusedRow', { row: String(r.row), message });
}

/** The shortest bundle passphrase the host accepts for sealing device passwords. */
const MIN_PASSPHRASE = 8;

/** Sign a bundle from the pair being edited, a pair file, or one per row of an inventory CSV. */
export function CreateBundle() {
  const doc = useStore((s) => s.editor.doc);
  const valid = useStore((s) => s.editor.valid);
  const create = useStore((s) => s.createBundle);
  const created = useStore((s) => s.created);
  const error = useStore((s) => s.createError);
  const busy = useStore((s) => s.creating);
  const { t, i18n } = useAppTranslation();
  const [template, setTemplate] = useState<File | undefined>();
  // Device passwords to seal into the bundle: this form's local state only, cleared after use.
  const [withPasswords, setWithPasswords] = useState(false);
  const [pw, setPw] = useState({ a: '', b: '', passphrase: '', again: '' });
  const pwProblem = !withPasswords
    ? undefined
    : !pw.a || !pw.b
      ? t('bundles.create.needPasswords')
      : pw.passphrase.length < MIN_PASSPHRASE
        ? t('bundles.create.shortPassphrase', { min: MIN_PASSPHRASE })
        : pw.passphrase !== pw.again
          ? t('bundles.create.differ')
          : undefined;
  const secrets = () => (withPasswords ? { secrets: { passphrase: pw.passphrase, a: pw.a, b: pw.b } } : {});

  const run = async (input: Parameters<typeof create>[0]) => {
    const file = await create(input);
    if (file) saveFile(file.name, fromBase64(file.data));
    if (file && withPasswords) setPw({ a: '', b: '', passphrase: '', again: '' });
  };
  const fromPairFile = async (f: File | undefined) => f && (await run({ text: await f.text(), ...secrets() }));
  const fromInventory = async (f: File | undefined) => f && (await run({ inventory: await f.text(), ...(template ? { template: await template.text() } : {}) }));

  return (
    <section className="card" aria-label={t('bundles.create.label')}>
      <h2>{t('bundles.create.title')}</h2>
      <p className="muted small">{t('bundles.create.intro')}</p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy || !doc || valid === false || pwProblem !== undefined} onClick={() => void run({ text: JSON.stringify(doc), ...secrets() })} title={valid === false ? t('bundles.create.currentInvalid') : undefined}>
          {t('bundles.create.current')}
        </button>
        <label className="inline">
          {t('bundles.create.pairFile')} <input type="file" accept=".yaml,.yml,.json" disabled={busy || pwProblem !== undefined} onChange={(e) => void fromPairFile(e.target.files?.[0])} />
        </label>
      </div>
      {!doc && <p className="muted small">{t('bundles.create.noDoc')}</p>}
      <fieldset className={withPasswords ? 'section' : 'section collapsed'}>
        <legend>
          <label className="inline">
            <input type="checkbox" checked={withPasswords} onChange={(e) => setWithPasswords(e.target.checked)} /> {t('bundles.create.withPasswords')}
          </label>
        </legend>
        {withPasswords && (
          <div className="two-col">
            {(['a', 'b'] as const).map((k) => (
              <label key={k} className="field">
                {t('bundles.create.devicePassword', { device: k.toUpperCase() })}
                <input type="password" autoComplete="off" value={pw[k]} onChange={(e) => setPw({ ...pw, [k]: e.target.value })} />
              </label>
            ))}
            <label className="field">
              {t('bundles.create.passphrase')}
              <input type="password" autoComplete="new-password" value={pw.passphrase} onChange={(e) => setPw({ ...pw, passphrase: e.target.value })} />
            </label>
            <label className="field">
              {t('bundles.create.again')}
              <input type="password" autoComplete="new-password" value={pw.again} onChange={(e) => setPw({ ...pw, again: e.target.value })} />
            </label>
            {pwProblem && <p className="error-text small">{pwProblem}</p>}
          </div>
        )}
      </fieldset>
      <p className="muted small">{t('bundles.create.inventoryIntro')}</p>
      <div className="button-row">
        <label className="inline">
          {t('bundles.create.template')} <input type="file" accept=".yaml,.yml,.json" disabled={busy} onChange={(e) => setTemplate(e.target.files?.[0])} />
        </label>
        <label className="inline">
          {t('bundles.create.inventory')} <input type="file" accept=".csv" disabled={busy} onChange={(e) => void fromInventory(e.target.files?.[0])} />
        </label>
      </div>
      {busy && <p role="status">{t('bundles.create.signing')}</p>}
      {error && (
        <p className="error-text" role="alert">
          <ErrorLine error={error} />
        </p>
      )}
      {created && (
        <div role="status" aria-label={t('bundles.create.createdLabel')}>
          <p>
            <strong>{created.name}</strong>{' '}
            {created.manifest
              ? t('bundles.create.savedSigned', { count: created.count, pair: created.manifest.pair.name, signer: created.manifest.signer.fingerprint })
              : t('bundles.create.saved', { count: created.count })}
          </p>
          {created.refused.length > 0 && (
            <details open>
              <summary>{t('bundles.create.refused', { count: created.refused.length })}</summary>
              <ul className="small">
                {created.refused.slice(0, 100).map((r, n) => (
                  <li key={`${n}-${r}`}>{refusedText(i18n, t, r, created.refusedSaid?.[n])}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
