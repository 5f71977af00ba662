/**
 * Alerts as desktop notifications through the web Notification API, which Electron's renderer
 * (main allows exactly this permission, electron/main/security.ts) and browsers both provide.
 * Permission is asked only when the user presses the button for it, never on page load.
 */
import type { MonitorEvent, PairStatus } from '../../../../src/contract/index';

export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export function notifyPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function askNotifyPermission(): Promise<NotifyPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** More than this in one batch (an alert storm) → one summary notification, not a wall of them. */
const MAX_SEPARATE = 3;

export function notifyAlerts(alerts: readonly MonitorEvent[], pairs: Record<string, PairStatus>): void {
  if (notifyPermission() !== 'granted') return;
  const text = (e: MonitorEvent) => (e.kind === 'alert' ? e.message : e.kind);
  try {
    if (alerts.length > MAX_SEPARATE) {
      new Notification(`HotPair: ${alerts.length} alerts`, { body: alerts.map((a) => `${a.pair}: ${text(a)}`).join('\n'), tag: 'hotpair-alerts' });
      return;
    }
    for (const a of alerts) {
      const name = pairs[a.pair]?.pair ?? a.pair;
      // The tag folds repeats of one rule on one pair into one notification on screen.
      new Notification(`HotPair alert — ${name}`, { body: text(a), tag: `hotpair-${a.pair}-${a.kind === 'alert' ? a.rule : ''}` });
    }
  } catch {
    // Some platforms refuse construction (e.g. Android Chrome wants a service worker): the in-app list still shows it.
  }
}
