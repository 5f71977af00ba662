import type { ChangeEvent } from 'react';
import { useStore } from '../../store/index';
import '../common/panels.css';
import { useAppTranslation } from '../../i18n';
import { errorText } from '../../../../src/i18n/core-text';
import { saidText } from '../../../../src/i18n/progress';

/** Read the picked file as text and clear the input, so picking the same file again reloads it. */
async function pickedText(e: ChangeEvent<HTMLInputElement>): Promise<{ name: string; text: string } | undefined> {
  const file = e.target.files?.[0];
  e.target.value = '';
  return file ? { name: file.name, text: await file.text() } : undefined;
}

/** Home: the engineer's own pairs, from a pair file or an inventory of many sites. */
export function OpenFilesCard() {
  const inventory = useStore((s) => s.inventory);
  const error = useStore((s) => s.openError);
  const openPairFile = useStore((s) => s.openPairFile);
  const openInventory = useStore((s) => s.openInventory);
  const openRow = useStore((s) => s.openInventoryRow);
  const { t, i18n } = useAppTranslation();
  const said = error && errorText(i18n, error);
  return (
    <section className="card" aria-label={t('home.files.title')}>
      <h2>{t('home.files.title')}</h2>
      <p className="muted">{t('home.files.intro')}</p>
      <div className="button-row">
        <label className="button-like">
          {t('home.files.openPair')}
          <input type="file" accept=".yaml,.yml,.json" className="visually-hidden" aria-label={t('home.files.openPairLabel')} onChange={(e) => void pickedText(e).then((f) => f && openPairFile(f.name, f.text))} />
        </label>
        <label className="button-like">
          {t('home.files.openInventory')}
          <input type="file" accept=".csv,text/csv" className="visually-hidden" aria-label={t('home.files.openInventoryLabel')} onChange={(e) => void pickedText(e).then((f) => f && openInventory(f.name, f.text))} />
        </label>
      </div>
      {said && (
        <p className="error-text" role="alert">
          {said.message}
          {said.fix && <span className="muted"> {said.fix}</span>}
        </p>
      )}
      {inventory && (
        <>
          <h3>{t('home.files.count', { source: inventory.source, count: inventory.pairs.length })}</h3>
          <ul className="examples">
            {inventory.pairs.map((p) => (
              <li key={p.row}>
                <button type="button" className="link" onClick={() => openRow(p.row)}>
                  {p.name}
                </button>
                <span className="muted"> {t('home.files.row', { row: String(p.row) })}</span>
              </li>
            ))}
          </ul>
          {inventory.errors.map((e) => {
            const message = saidText(i18n, e.said, e.message);
            return (
              <p key={`${e.row}-${e.column ?? ''}`} className="error-text">
                {e.column ? t('home.files.cellError', { row: String(e.row), column: String(e.column), message }) : t('home.files.rowError', { row: String(e.row), message })}
              </p>
            );
          })}
        </>
      )}
    </section>
  );
}
