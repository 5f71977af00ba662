import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import type { Diagnostic } from '../../../../src/contract/index';
import { useStore } from '../../store/index';
import { getIn } from '../../store/doc-path';
import { defaultsKey } from '../../store/pair-defaults';
import { selectDiagnostics } from '../../store/selectors';
import { isValuesKind, type FieldSpec } from './fields';
import { DiagnosticList } from './DiagnosticList';
import { ValuesInput } from './ValuesInput';
import { useAppTranslation } from '../../i18n';
import { either } from '../common/intl';

const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]/g, '-')}`;

/** Form text → document value: empty removes the key (the file's default applies). */
function toValue(spec: FieldSpec, raw: string | boolean): unknown {
  if (spec.kind === 'checkbox') return raw;
  if (raw === '') return undefined;
  if (spec.kind === 'number') {
    const n = Number(raw);
    // Keep what was typed when it is not a number, so the validator names the problem.
    return /^-?\d+(\.\d+)?$/.test(String(raw).trim()) && Number.isFinite(n) ? n : raw;
  }
  return raw;
}

/** A select option: the file's value, with the vendor's term beside it where the language has one. */
const optionText = (t: TFunction, value: unknown): string => t(`pairing.options.${String(value)}`, { defaultValue: String(value) });

/** A select left unset shows its "(default: …)" entry, or, when it has none, the default itself. */
function selected(spec: FieldSpec, value: unknown, fallback: unknown): string {
  if (value !== undefined) return String(value);
  return spec.options?.includes('') || fallback === undefined ? '' : String(fallback);
}

/** The findings about `path`; with `items`, also about its list items (`path[1]`: a VLAN out of range). */
export function useFieldDiagnostics(path: string, items = false): Diagnostic[] {
  const all = useStore(selectDiagnostics);
  return useMemo(() => all.filter((d) => d.path === path || (items && d.path.startsWith(`${path}[`))), [all, path, items]);
}

/** One field with its findings (rule, message, reason, fix) right beside it. */
export function FieldRow({ spec, path = spec.path, compact = false }: { spec: FieldSpec; path?: string; compact?: boolean }) {
  const value = useStore((s) => getIn(s.editor.doc, path));
  const fallback = useStore((s) => s.pairDefaults?.[defaultsKey(path)]);
  const setField = useStore((s) => s.setField);
  const diags = useFieldDiagnostics(path, isValuesKind(spec.kind));
  const id = fieldId(path);
  const { t, i18n } = useAppTranslation();
  const placeholder = Array.isArray(spec.placeholder) ? either(i18n.language, spec.placeholder) : (spec.placeholder as string | undefined);
  const worst = diags.find((d) => d.severity === 'error') ? 'error' : diags.length ? 'warning' : undefined;
  const describedBy = diags.length ? `${id}-diag` : undefined;

  let input;
  if (spec.kind === 'checkbox') {
    const checked = typeof value === 'boolean' ? value : fallback === true;
    input = <input id={id} type="checkbox" checked={checked} aria-describedby={describedBy} onChange={(e) => setField(path, toValue(spec, e.target.checked), spec.prune)} />;
  } else if (spec.kind === 'select') {
    input = (
      <select id={id} value={selected(spec, value, fallback)} aria-describedby={describedBy} aria-invalid={worst === 'error'} onChange={(e) => setField(path, toValue(spec, e.target.value), spec.prune)}>
        {spec.options!.map((o) => (
          <option key={o} value={o}>
            {o === '' ? (fallback !== undefined ? t('pairing.form.default', { value: optionText(t, fallback) }) : t('pairing.form.none')) : optionText(t, o)}
          </option>
        ))}
      </select>
    );
  } else if (isValuesKind(spec.kind)) {
    input = (
      <ValuesInput id={id} value={value} numbers={spec.kind === 'numbers'} placeholder={placeholder} aria-describedby={describedBy} aria-invalid={worst === 'error'} onValues={(v) => setField(path, v, spec.prune)} />
    );
  } else {
    input = (
      <input
        id={id}
        type="text"
        inputMode={spec.kind === 'number' ? 'numeric' : undefined}
        value={value === undefined || value === null ? '' : String(value)}
        placeholder={fallback !== undefined ? t('pairing.form.defaultPlaceholder', { value: String(fallback) }) : placeholder}
        aria-describedby={describedBy}
        aria-invalid={worst === 'error'}
        spellCheck={false}
        onChange={(e) => setField(path, toValue(spec, e.target.value), spec.prune)}
      />
    );
  }

  return (
    <div className={`field${worst ? ` field-${worst}` : ''}${compact ? ' field-compact' : ''}`} data-path={path}>
      <label htmlFor={id}>{t(`pairing.fields.${spec.label}`, spec.labelParams ?? {})}</label>
      <div className="field-input">{input}</div>
      {diags.length > 0 && <DiagnosticList id={`${id}-diag`} diagnostics={diags} />}
    </div>
  );
}
