import { useStore } from '../../store/index';
import { getIn } from '../../store/doc-path';
import type { ListSpec } from './fields';
import { FieldRow, useFieldDiagnostics } from './FieldRow';
import { DiagnosticList } from './DiagnosticList';
import { useAppTranslation } from '../../i18n';

/** A list of the pair file (VRRP groups, tracks, interfaces…): one row per item, add and remove. */
export function ListEditor({ spec }: { spec: ListSpec }) {
  const length = useStore((s) => {
    const l = getIn(s.editor.doc, spec.path);
    return Array.isArray(l) ? l.length : 0;
  });
  const addItem = useStore((s) => s.addItem);
  const removeItem = useStore((s) => s.removeItem);
  const diags = useFieldDiagnostics(spec.path);
  const { t } = useAppTranslation();
  const label = t(`pairing.lists.${spec.label}.label`);
  return (
    <fieldset className="list" data-path={spec.path}>
      <legend>{label}</legend>
      {diags.length > 0 && <DiagnosticList diagnostics={diags} />}
      {length === 0 && <p className="muted">{t('pairing.form.listNone')}</p>}
      {Array.from({ length }, (_, i) => (
        <div className="list-item" key={i}>
          {spec.item.map((f) => (
            <FieldRow key={f.path} spec={f} path={`${spec.path}[${i}].${f.path}`} compact />
          ))}
          <button type="button" className="link" onClick={() => removeItem(spec.path, i)} aria-label={t('pairing.form.removeLabel', { list: label, n: i + 1 })}>
            {t('pairing.form.remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => addItem(spec.path, spec.blank)}>
        {t(`pairing.lists.${spec.label}.add`)}
      </button>
    </fieldset>
  );
}
