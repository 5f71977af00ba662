import { parseConnectUrl } from '../model/connect';
import { DEVICE_KEYS } from '../model/pair';
import type { Finding, Rule } from './diagnostic';

/** Table-1, Device role: with manual roles exactly one primary and one secondary; with auto roles, none written. */
const rolePair: Rule = {
  id: 'role.pair',
  summary: 'Manual roles: one primary, one secondary; auto roles: no role written.',
  severity: 'error',
  reason: 'In a hot backup system, the hot backup role of one device must be primary, and the other secondary.',
  check: ({ pair }) => {
    const out: Finding[] = [];
    if (pair.roles === 'auto') {
      for (const k of DEVICE_KEYS)
        if (pair.devices[k].role !== undefined)
          out.push({
            path: `devices.${k}.role`,
            key: 'auto-has-role',
            params: { device: k, role: pair.devices[k].role },
            message: `roles: auto lets the devices choose their roles, but device ${k} has role ${pair.devices[k].role}`,
            fix: `remove devices.${k}.role, or set roles: manual to assign roles yourself`,
          });
      return out;
    }
    // Mirroring refuses manual roles altogether (role.manual-not-mirroring says so); asking for them here would mislead.
    if (pair.mode === 'mirroring') return out;
    const a = pair.devices.a.role;
    const b = pair.devices.b.role;
    for (const k of DEVICE_KEYS)
      if (pair.devices[k].role === undefined) {
        const want = k === 'a' ? (b === 'primary' ? 'secondary' : 'primary') : a === 'secondary' ? 'primary' : 'secondary';
        out.push({
          path: `devices.${k}.role`,
          key: 'missing',
          params: { device: k, want },
          message: `roles: manual needs a role on device ${k}`,
          fix: `set devices.${k}.role to ${want}`,
        });
      }
    if (a !== undefined && a === b)
      out.push({
        path: 'devices.b.role',
        key: 'same',
        params: { role: a, want: a === 'primary' ? 'secondary' : 'primary' },
        message: `both devices have role ${a}`,
        fix: `set devices.b.role to ${a === 'primary' ? 'secondary' : 'primary'}`,
      });
    return out;
  },
};

/** Table-1, Primary/Secondary: manual roles are refused in mirroring mode. */
const manualNotMirroring: Rule = {
  id: 'role.manual-not-mirroring',
  summary: 'Mirroring mode uses automatic roles, never manual ones.',
  severity: 'error',
  reason: 'You cannot specify this option in mirroring hot backup mode.',
  check: ({ pair }) =>
    pair.mode === 'mirroring' && pair.roles === 'manual'
      ? [{ path: 'roles', key: 'manual', message: 'mirroring mode does not accept manually assigned primary/secondary roles', fix: 'set roles: auto and remove devices.*.role' }]
      : [],
};

/** Table-1, Auto: automatic role assignment follows the operating state, which dual-active does not have. */
const autoModes: Rule = {
  id: 'role.auto-modes',
  summary: 'Automatic roles only in active/standby or mirroring mode.',
  severity: 'error',
  reason: 'This mode is available only in active/standby or mirroring mode.',
  check: ({ pair }) =>
    pair.roles === 'auto' && pair.mode === 'dual-active'
      ? [{ path: 'roles', key: 'dual-active', message: 'automatic roles are not available in dual-active mode', fix: 'set roles: manual and give devices a and b the roles primary and secondary' }]
      : [],
};

/** Table-1, Management Interface: only mirroring mode has an unsynchronised management interface. */
const mgmtMirroringOnly: Rule = {
  id: 'mgmt-if.mirroring-only',
  summary: 'A management interface is configured only in mirroring mode.',
  severity: 'error',
  reason: 'This configuration is supported only in mirroring mode.',
  check: ({ pair }) =>
    pair.mode === 'mirroring'
      ? []
      : DEVICE_KEYS.filter((k) => pair.devices[k].managementInterface !== undefined).map((k) => ({
          path: `devices.${k}.managementInterface`,
          key: 'not-mirroring',
          params: { device: k, mode: pair.mode },
          message: `a management interface is only configured in mirroring mode; this pair is ${pair.mode}`,
          fix: `remove devices.${k}.managementInterface (or use mode: mirroring)`,
        })),
};

/**
 * Table-1, Management Interface: in mirroring mode every other interface carries the same address
 * on both devices and is synchronised, so without a management interface the devices cannot be told
 * apart for management or logging. Advice, since the device accepts the configuration without one.
 */
const mgmtMirroringMissing: Rule = {
  id: 'mgmt-if.mirroring-missing',
  summary: 'Mirroring mode should name each device\'s management interface.',
  severity: 'warning',
  reason: 'Configure the mirroring mode management interface for connecting to the gateway device or log host.',
  check: ({ pair }) =>
    pair.mode !== 'mirroring'
      ? []
      : DEVICE_KEYS.filter((k) => pair.devices[k].managementInterface === undefined).map((k) => ({
          path: `devices.${k}.managementInterface`,
          key: 'missing',
          params: { device: k },
          message: `device ${k} has no mirroring-mode management interface; its other interfaces share addresses with the peer`,
          fix: `set devices.${k}.managementInterface to the interface that reaches the management network or log host`,
        })),
};

/** House rule: the sysname tells the devices apart in prompts, logs and the monitor. */
const sysnameDistinct: Rule = {
  id: 'pair.sysname-distinct',
  summary: 'The two devices have different sysnames.',
  severity: 'warning',
  check: ({ pair }) =>
    pair.devices.a.sysname.toLowerCase() === pair.devices.b.sysname.toLowerCase()
      ? [{ path: 'devices.b.sysname', key: 'same', params: { sysname: pair.devices.a.sysname }, message: `both devices are named ${pair.devices.a.sysname}`, fix: 'give each device its own sysname (e.g. FW1 and FW2)' }]
      : [],
};

/** House rule: two device entries that reach the same console or SSH endpoint would configure one box twice. */
const connectDistinct: Rule = {
  id: 'pair.connect-distinct',
  summary: 'The two devices are reached at different SSH endpoints or serial ports.',
  severity: 'error',
  check: ({ pair }) => {
    const a = parseConnectUrl(pair.devices.a.connect);
    const b = parseConnectUrl(pair.devices.b.connect);
    if (!a.ok || !b.ok) return [];
    const key = (t: typeof a.target) => (t.kind === 'ssh' ? `ssh ${t.host.toLowerCase()}:${t.port}` : `serial ${t.path}`);
    if (key(a.target) !== key(b.target)) return [];
    return [{ path: 'devices.b.connect', key: 'same', params: { connect: pair.devices.b.connect }, message: `devices a and b are both reached at ${pair.devices.b.connect}`, fix: 'point devices.b.connect at the second appliance' }];
  },
};

/** House rule: the pair names its platform; validating or rendering it with another pack would use the wrong limits and commands. */
const platformMatches: Rule = {
  id: 'pair.platform',
  summary: 'The pair\'s platform is the platform pack in use.',
  severity: 'error',
  check: ({ pair, pack }) =>
    pair.platform === pack.id
      ? []
      : [{ path: 'platform', key: 'other', params: { platform: pair.platform, pack: pack.id }, message: `the pair is for platform ${pair.platform}, but the platform pack is ${pack.id}`, fix: `set platform: ${pack.id}, or load the ${pair.platform} pack with --pack` }],
};

export const roleRules: Rule[] = [rolePair, manualNotMirroring, autoModes, mgmtMirroringOnly, mgmtMirroringMissing, sysnameDistinct, connectDistinct, platformMatches];
