/**
 * Alerts as desktop notifications through the web Notification API, which Electron's renderer
 * (main allows exactly this permission, electron/main/security.ts) and browsers both provide.
 * Permission is asked only when the user presses the button for it, never on page load.
 */
import type { MonitorEvent, PairStatus } from '../../../../src/contract/index';
import { deviceName } from '../../../../src/core/monitor/view';
import { coreTranslator } from '../../../../src/i18n/core';
import { monitorEventText } from '../../../../src/i18n/core-text';
import { i18n } from '../../i18n';

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

/**
 * What an alert says, in the app's language at the moment it arrives (the title already says it is
 * an alert, so the body is the alert's own message); any other event, its timeline title.
 */
function alertText(e: MonitorEvent, pairs: Record<string, PairStatus>): string {
  if (e.kind !== 'alert') return monitorEventText(i18n, e, (k) => deviceName(pairs[e.pair]?.health, k)).title;
  if (!e.params) return e.message;
  // The same message key core's eventText picks for the timeline row.
  const key = e.rule === 'inconsistent-config' && e.params.detail ? 'inconsistent-config-detail' : e.rule;
  return coreTranslator(i18n).text(`monitor.alert.${key}`, e.params, e.message);
}

/** More than this in one batch (an alert storm) → one summary notification, not a wall of them. */
const MAX_SEPARATE = 3;

export function notifyAlerts(alerts: readonly MonitorEvent[], pairs: Record<string, PairStatus>): void {
  if (notifyPermission() !== 'granted') return;
  const text = (e: MonitorEvent) => alertText(e, pairs);
  const t = i18n.getFixedT(null, 'app');
  try {
    if (alerts.length > MAX_SEPARATE) {
      new Notification(t('monitor.notify.many', { count: alerts.length }), { body: alerts.map((a) => `${a.pair}: ${text(a)}`).join('\n'), tag: 'hotpair-alerts' });
      return;
    }
    for (const a of alerts) {
      const name = pairs[a.pair]?.pair ?? a.pair;
      // The tag folds repeats of one rule on one pair into one notification on screen.
      new Notification(t('monitor.notify.title', { pair: name }), { body: text(a), tag: `hotpair-${a.pair}-${a.kind === 'alert' ? a.rule : ''}` });
    }
  } catch {
    // Some platforms refuse construction (e.g. Android Chrome wants a service worker): the in-app list still shows it.
  }
}
