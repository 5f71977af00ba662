import { useState } from 'react';
import { useAppTranslation } from '../../i18n';
import { askNotifyPermission, notifyPermission, type NotifyPermission } from './notify';

/** Asks for notification permission only when the user presses the button, and says where things stand. */
export function NotifyToggle() {
  const { t } = useAppTranslation();
  const [perm, setPerm] = useState<NotifyPermission>(notifyPermission);
  if (perm === 'unsupported' || perm === 'granted' || perm === 'denied') return <span className="muted small">{t(`monitor.notify.${perm}`)}</span>;
  return (
    <button type="button" onClick={() => void askNotifyPermission().then(setPerm)}>
      {t('monitor.notify.ask')}
    </button>
  );
}
