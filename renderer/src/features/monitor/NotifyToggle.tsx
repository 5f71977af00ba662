import { useState } from 'react';
import { askNotifyPermission, notifyPermission, type NotifyPermission } from './notify';

/** Asks for notification permission only when the user presses the button, and says where things stand. */
export function NotifyToggle() {
  const [perm, setPerm] = useState<NotifyPermission>(notifyPermission);
  if (perm === 'unsupported') return <span className="muted small">Desktop notifications are not available here; alerts show in the timeline.</span>;
  if (perm === 'granted') return <span className="muted small">Alerts also arrive as desktop notifications.</span>;
  if (perm === 'denied')
    return <span className="muted small">Desktop notifications are blocked for this app; allow them in the browser’s site settings to get alerts outside the window.</span>;
  return (
    <button type="button" onClick={() => void askNotifyPermission().then(setPerm)}>
      Get alerts as desktop notifications
    </button>
  );
}
