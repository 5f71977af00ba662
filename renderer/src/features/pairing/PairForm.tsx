import { useMemo } from 'react';
import { useStore } from '../../store/index';
import { selectDiagnostics, selectDoc } from '../../store/selectors';
import { getIn } from '../../store/doc-path';
import { isValuesKind, SECTIONS } from './fields';
import { FieldRow } from './FieldRow';
import { ListEditor } from './ListEditor';
import { DiagnosticList } from './DiagnosticList';

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
  const others = useMemo(() => {
    const shown = shownPaths(doc);
    return all.filter((d) => !shown.has(d.path));
  }, [all, doc]);

  return (
    <form className="pair-form" onSubmit={(e) => e.preventDefault()} aria-label="Hot-backup settings">
      {others.length > 0 && (
        <section className="card other-findings" aria-label="Findings about the whole file">
          <h3>Findings about the whole file or fields not on this form</h3>
          <DiagnosticList diagnostics={others} showPath />
        </section>
      )}
      {SECTIONS.map((s) => (
        <fieldset key={s.id} className="card section" id={`section-${s.id}`}>
          <legend>{s.title}</legend>
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
