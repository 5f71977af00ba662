/**
 * What the plan needs to know about how settings behave on the device, per pack command key.
 * These are platform facts kept as data next to the render code that uses them; keys missing here
 * are multi-valued (several lines coexist: tracks, monitored interfaces, IPv6 addresses, VIPs).
 */

/**
 * Single-valued settings: a new line replaces the running one, so no undo is needed before it.
 * `group` joins keys that set the same thing (`device-role primary` / `device-role auto`; the three
 * forms of the check schedule); `by` names the values that tell separate instances apart
 * (one cost per protocol, one port per loghost). On/off switches are their own group, so
 * `hot-backup enable` and `undo hot-backup enable` replace each other.
 */
export const REPLACES: Readonly<Record<string, { group: string; by?: readonly string[] }>> = {
  deviceRole: { group: 'role' },
  deviceRoleAuto: { group: 'role' },
  backupMode: { group: 'backupMode' },
  localIp: { group: 'localIp' },
  localIpv6: { group: 'localIpv6' },
  remoteIp: { group: 'remoteIp' },
  remoteIpv6: { group: 'remoteIpv6' },
  keepaliveInterval: { group: 'keepaliveInterval' },
  keepaliveCount: { group: 'keepaliveCount' },
  dataChannel: { group: 'dataChannel' },
  dataChannelLayer3: { group: 'dataChannelLayer3' },
  managementInterface: { group: 'managementInterface' },
  hotBackup: { group: 'hotBackup' },
  backupHttp: { group: 'backupHttp' },
  backupDns: { group: 'backupDns' },
  backupAftPortBlock: { group: 'backupAftPortBlock' },
  backupLastHop: { group: 'backupLastHop' },
  autoSync: { group: 'autoSync' },
  autoSyncStaticRoutes: { group: 'autoSyncStaticRoutes' },
  syncCheckEnable: { group: 'syncCheckEnable' },
  syncCheckInterval: { group: 'syncSchedule' },
  syncCheckDaily: { group: 'syncSchedule' },
  syncCheckWeekly: { group: 'syncSchedule' },
  switchback: { group: 'switchback' },
  delayTime: { group: 'delayTime' },
  adjustCost: { group: 'adjustCost', by: ['protocol'] },
  // `ip address A M` without `sub` replaces the primary address (the vendor CLI notes).
  ipAddress: { group: 'ipAddress' },
  description: { group: 'description' },
  loghost: { group: 'loghost', by: ['ip'] },
  sysname: { group: 'sysname' },
};

/**
 * Instances that cannot be changed in place: a running line with the same identity but other
 * values must be undone first (a track entry bound to another interface; a VRRP group with
 * another virtual IP or keyword, which would otherwise gain a second address). `group` names the
 * identity: an IPv6 group's link-local and further addresses are one group, and IPv4 and IPv6
 * groups with the same VRID are separate groups.
 */
export const CONFLICTS: Readonly<Record<string, { group: string; by: readonly string[] }>> = {
  trackInterface: { group: 'track', by: ['id'] },
  vrrpBind: { group: 'vrrp', by: ['vrid'] },
  vrrpBindIpv6: { group: 'vrrp6', by: ['vrid'] },
  vrrpBindIpv6LinkLocal: { group: 'vrrp6', by: ['vrid'] },
};

/**
 * Values the device does not print in `display current-configuration` because they are its
 * defaults (keepalive 1 s × 10 and check interval 1 hour: the vendor CLI notes [MEM]; delay 60 s
 * as "Delay-time: 1 min" in the vendor CLI notes; the lab prints the same way). Such a desired line is satisfied by
 * the absence of its setting. On/off switches default to off, so a desired `undo …` line is
 * satisfied when the running view does not switch the feature on.
 */
export const IMPLICIT_DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  keepaliveInterval: { seconds: '1' },
  keepaliveCount: { count: '10' },
  delayTime: { seconds: '60' },
  syncCheckInterval: { hours: '1' },
};

/** The identity of a single-valued setting instance, or undefined for multi-valued keys. */
export function replaceId(key: string, values: Record<string, string>): string | undefined {
  const r = REPLACES[key];
  if (!r) return undefined;
  return [r.group, ...(r.by ?? []).map((b) => values[b] ?? '')].join('|');
}

export function conflictId(key: string, values: Record<string, string>): string | undefined {
  const c = CONFLICTS[key];
  if (!c) return undefined;
  return [c.group, ...c.by.map((b) => values[b] ?? '')].join('|');
}

export function isImplicitDefault(key: string, values: Record<string, string>): boolean {
  const d = IMPLICIT_DEFAULTS[key];
  return d !== undefined && Object.entries(d).every(([k, v]) => values[k] === v);
}
