import type { IfConfig, LocalUser, ObjectGroup, RunningConfig } from './model';
import { defaultRbm } from './model';
import type { RbmConfig } from './seam';

/**
 * RunningConfig → `display current-configuration` text, Comware style: `#` between sections,
 * sub-view lines indented by one space, non-default values only, `return` last. The RBM section
 * prints exactly the command forms of the platform pack templates (src/core/platforms/comware7.ts)
 * because the tool plans its diff from this text.
 */
export function renderInterface(i: IfConfig): string[] {
  const out = [`interface ${i.name}`];
  if (i.description !== undefined) out.push(` description ${i.description}`);
  if (i.shutdown) out.push(' shutdown');
  if (i.aggregateGroup !== undefined) out.push(` port link-aggregation group ${i.aggregateGroup}`);
  if (i.ipv4) out.push(` ip address ${i.ipv4.ip} ${i.ipv4.mask}`);
  for (const ll of i.ipv6LinkLocal) out.push(` ipv6 address ${ll} link-local`);
  for (const a of i.ipv6) out.push(` ipv6 address ${a}`);
  for (const v of i.vrrp) out.push(` vrrp vrid ${v.vrid} virtual-ip ${v.ip}${v.group ? ` ${v.group}` : ''}`);
  for (const v of i.vrrp6) out.push(` vrrp ipv6 vrid ${v.vrid} virtual-ip ${v.ip}${v.linkLocal ? ' link-local' : ''}${v.group ? ` ${v.group}` : ''}`);
  for (const f of i.floatingIps) out.push(` remote-backup virtual-ip ${f.ip} ${f.mask}`);
  for (const f of i.floatingIpv6) out.push(` remote-backup virtual-ipv6 ${f.ip} ${f.prefix}`);
  return out;
}

export function renderUser(u: LocalUser): string[] {
  const out = [`local-user ${u.name} class manage`];
  if (u.passwordHash) out.push(` password hash ${u.passwordHash}`);
  if (u.serviceTypes.length) out.push(` service-type ${u.serviceTypes.join(' ')}`);
  for (const r of u.roles) out.push(` authorization-attribute user-role ${r}`);
  return out;
}

export function renderObjectGroup(g: ObjectGroup): string[] {
  return [`object-group ip address ${g.name}`, ...g.entries.map((e) => ` ${e.seq} network ${e.mask ? `subnet ${e.ip} ${e.mask}` : `host address ${e.ip}`}`)];
}

export function renderTrack(t: { id: number; interface: string }): string[] {
  return [`track ${t.id} interface ${t.interface}`];
}

const isV6 = (ip: string) => ip.includes(':');

export function renderRbm(r: RbmConfig): string[] {
  const d = defaultRbm();
  const out = ['remote-backup group'];
  const add = (cond: boolean, line: string) => {
    if (cond) out.push(` ${line}`);
  };
  add(r.role !== undefined, `device-role ${r.role}`);
  add(r.mode !== 'active-standby', `backup-mode ${r.mode}`);
  if (r.localIp) out.push(` ${isV6(r.localIp) ? 'local-ipv6' : 'local-ip'} ${r.localIp}`);
  if (r.remoteIp) out.push(` ${isV6(r.remoteIp) ? 'remote-ipv6' : 'remote-ip'} ${r.remoteIp} port ${r.port}`);
  add(r.keepaliveInterval !== d.keepaliveInterval, `keepalive interval ${r.keepaliveInterval}`);
  add(r.keepaliveCount !== d.keepaliveCount, `keepalive count ${r.keepaliveCount}`);
  add(r.dataChannelInterface !== undefined, `data-channel interface ${r.dataChannelInterface}`);
  add(r.dataChannelLayer3, 'data-channel transport-mode layer3');
  add(r.managementInterface !== undefined, `management-interface ${r.managementInterface}`);
  add(r.hotBackup, 'hot-backup enable');
  add(r.backupHttp, 'hot-backup http enable');
  add(r.backupDns, 'hot-backup dns enable');
  add(r.backupAftPortBlock, 'hot-backup aft-port-block enable');
  add(r.backupLastHop, 'hot-backup last-hop enable');
  add(r.autoSync, 'configuration auto-sync enable');
  add(r.autoSyncStaticRoutes, 'configuration auto-sync enable route-static');
  add(r.syncCheck.enabled, 'configuration sync-check enable');
  const s = r.syncCheck.schedule;
  if (s && 'intervalHours' in s) add(s.intervalHours !== 1, `configuration sync-check interval ${s.intervalHours}`);
  if (s && 'daily' in s) add(true, `configuration sync-check daily ${s.daily}`);
  if (s && 'weekly' in s) add(true, `configuration sync-check weekly ${s.weekly.day} ${s.weekly.at}`);
  add(r.switchback, 'switchback enable');
  add(r.delaySeconds !== d.delaySeconds, `delay-time ${r.delaySeconds}`);
  for (const t of r.tracks) add(true, `track ${t}`);
  for (const i of r.monitorInterfaces) add(true, `track interface ${i}`);
  for (const v of r.monitorVlans) add(true, `track vlan ${v}`);
  for (const [proto, c] of Object.entries(r.adjustCost)) add(true, `adjust-cost ${proto} enable ${c.kind} ${c.cost}`);
  return out;
}

/** System-view level lines (what `display this` prints in system view). */
export function renderGlobal(c: RunningConfig): string[][] {
  const sections: string[][] = [[` sysname ${c.sysname}`]];
  if (c.loghosts.length) sections.push(c.loghosts.map((h) => ` info-center loghost ${h.ip} port ${h.port}`));
  if (c.routes.length) sections.push(c.routes.map((r) => ` ip route-static ${r.dest} ${r.prefix} ${r.nextHop}`));
  if (c.sshServer) sections.push([' ssh server enable']);
  return sections;
}

export function renderConfig(c: RunningConfig, version: string): string[] {
  const sections: string[][] = [[` version ${version}`]];
  const global = renderGlobal(c);
  sections.push(global[0] as string[]);
  for (const i of c.interfaces) sections.push(renderInterface(i));
  for (const g of c.objectGroups) sections.push(renderObjectGroup(g));
  sections.push(...global.slice(1));
  for (const t of c.tracks) sections.push(renderTrack(t));
  for (const u of c.users) sections.push(renderUser(u));
  if (c.rbm) sections.push(renderRbm(c.rbm));
  const out: string[] = [];
  for (const s of sections) out.push('#', ...s);
  out.push('#', 'return');
  return out;
}

