import { useStore } from '../../../store/index';
import { selectEditor } from '../../../store/selectors';

/** The pair file's verdict, on every step: how many errors, and which rules were run. */
export function PairStatus() {
  const { diagnostics, checked, validating, error } = useStore(selectEditor);
  if (error) return <p className="status error-text" role="alert">{error.message}</p>;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const what = {
    structure: ' — the file does not load yet, so the hot-backup rules have not run',
    rules: ' — every hot-backup rule checked (connect and discover both devices to check the rules that need their facts too)',
    facts: ' — every hot-backup rule checked, with the facts read from both devices',
  };
  return (
    <p className="status" role="status" aria-live="polite">
      {validating ? 'Checking… ' : ''}
      {errors === 0 ? 'No errors' : `${errors} error${errors === 1 ? '' : 's'}`}
      {warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'} or note${warnings === 1 ? '' : 's'}` : ''}
      {checked ? what[checked] : ''}
    </p>
  );
}
