import { useEffect, useMemo } from 'react';
import { useStore } from '../../store/index';
import { selectDiagnostics, selectDoc } from '../../store/selectors';
import { getIn } from '../../store/doc-path';
import { isValuesKind, SECTIONS } from './fields';
import { FieldRow } from './FieldRow';
import { ListEditor } from './ListEditor';
import { DiagnosticList } from './DiagnosticList';
import { ErrorNote } from './ErrorNote';
import { useAppTranslation } from '../../i18n';

/** Paths the form shows for the current document (list items included). */
function shownPaths(doc: unknown): Set<string> {
  const out = new Set<string>();
  for (const s of SECTIONS) {
    for (const f of s.fields) {
      out.add(f.path);
      // a list typed on one line shows its items' findings beside it
      const items = isValuesKind(f.kind) ? getIn(doc, f.path) : undefined;
      if (Array.isArray(items)) items.forEach((_, i) => out.add(`${f.path}[${i}]`));
    }
    for (const l of s.lists ?? []) {
      out.add(l.path);
      const items = getIn(doc, l.path);
      if (Array.isArray(items)) items.forEach((_, i) => l.item.forEach((f) => out.add(`${l.path}[${i}].${f.path}`)));
    }
  }
  return out;
}

/** The hot-backup form: every field with its findings beside it, and the rest listed, never hidden. */
export function PairForm() {
  const doc = useStore(selectDoc);
  const all = useStore(selectDiagnostics);
  const schemaError = useStore((s) => s.pairSchemaError);
  const { t } = useAppTranslation();
  useEffect(() => void useStore.getState().loadPairSchema(), []);
  const others = useMemo(() => {
    const shown = shownPaths(doc);
    return all.filter((d) => !shown.has(d.path));
  }, [all, doc]);

  return (
    <form className="pair-form" onSubmit={(e) => e.preventDefault()} aria-label={t('pairing.form.label')}>
      {schemaError && <ErrorNote error={schemaError} title={t('pairing.form.defaultsError')} />}
      {others.length > 0 && (
        <section className="card other-findings" aria-label={t('pairing.form.othersLabel')}>
          <h3>{t('pairing.form.othersTitle')}</h3>
          <DiagnosticList diagnostics={others} showPath />
        </section>
      )}
      {SECTIONS.map((s) => (
        <fieldset key={s.id} className="card section" id={`section-${s.id}`}>
          <legend>{t(`pairing.sections.${s.title}`, s.titleParams ?? {})}</legend>
          <div className="fields">
            {s.fields.map((f) => (
              <FieldRow key={f.path} spec={f} />
            ))}
          </div>
          {(s.lists ?? []).map((l) => (
            <ListEditor key={l.path} spec={l} />
          ))}
        </fieldset>
      ))}
    </form>
  );
}
