import { useStore } from '../../store/index';
import { useAppTranslation } from '../../i18n';

/**
 * The saved logins as a choice, or "type a password" (the empty value); nothing when none is
 * saved. Used wherever a device is reached from the app (Console, Apply bundle).
 */
export function SavedLoginSelect({ value, onChange, label }: { value: string; onChange: (id: string) => void; label: string }) {
  const { t } = useAppTranslation();
  const credentials = useStore((s) => s.credentials?.credentials);
  if (!credentials || credentials.length === 0) return null;
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('console.connect.typePassword')}</option>
        {credentials.map((c) => (
          <option key={c.id} value={c.id}>
            {t('console.connect.credential', { label: c.label, username: c.username })}
          </option>
        ))}
      </select>
    </label>
  );
}
