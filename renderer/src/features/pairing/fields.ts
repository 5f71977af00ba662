/**
 * The hot-backup form as data: one entry per pair-file field, keyed by the same path syntax the
 * validator reports, so a diagnostic lands beside the field it names. The file's defaults are not
 * copied here: the form reads them from the host's pair schema (store/pair-defaults.ts). Words are
 * not here either: labels and titles name catalogue messages (app:pairing.fields, .sections,
 * .lists), and select options are the file's own values, worded by app:pairing.options.
 */
/** Whether a field holds a list of plain values (its findings name items: `path[1]`). */
export const isValuesKind = (k: FieldKind) => k === 'list' || k === 'numbers';

/** 'list' and 'numbers': a list of plain values typed on one line, separated by commas or spaces. */
export type FieldKind = 'text' | 'number' | 'select' | 'checkbox' | 'list' | 'numbers';

export interface FieldSpec {
  path: string;
  /** The message app:pairing.fields.<label>, with `labelParams` as its arguments. */
  label: string;
  labelParams?: Readonly<Record<string, string>>;
  kind: FieldKind;
  options?: readonly string[];
  /** An example shown in the empty field when the file has no default for it; several: "a or b". */
  placeholder?: string | readonly string[];
  /** Optional groups holding this field (innermost first), removed when clearing it leaves them empty. */
  prune?: readonly string[];
}

export interface ListSpec {
  path: string;
  /** The messages app:pairing.lists.<label>.label and .add. */
  label: string;
  item: readonly FieldSpec[]; // paths relative to the item
  blank: Record<string, unknown>;
}

export interface SectionSpec {
  id: string;
  /** The message app:pairing.sections.<title>, with `titleParams` as its arguments. */
  title: string;
  titleParams?: Readonly<Record<string, string>>;
  fields: readonly FieldSpec[];
  lists?: readonly ListSpec[];
}

const WEEKLY = ['consistencyCheck.schedule.weekly', 'consistencyCheck.schedule'];
const SCHEDULE = ['consistencyCheck.schedule'];

const device = (k: 'a' | 'b'): SectionSpec => ({
  id: `device-${k}`,
  title: 'device',
  titleParams: { device: k.toUpperCase() },
  fields: [
    { path: `devices.${k}.sysname`, label: 'sysname', kind: 'text', placeholder: k === 'a' ? 'FW-A' : 'FW-B' },
    { path: `devices.${k}.role`, label: 'role', kind: 'select', options: ['', 'primary', 'secondary'] },
    { path: `devices.${k}.connect`, label: 'connect', kind: 'text', placeholder: ['ssh://admin@192.0.2.11:22', 'serial:///dev/ttyUSB0?baud=9600'] },
    { path: `devices.${k}.passwordEnv`, label: 'passwordEnv', kind: 'text', placeholder: `HOTPAIR_${k.toUpperCase()}_PASSWORD` },
    { path: `devices.${k}.identityFile`, label: 'identityFile', kind: 'text', placeholder: '~/.ssh/id_ed25519' },
    { path: `devices.${k}.controlChannel.localIp`, label: 'controlLocalIp', kind: 'text', placeholder: k === 'a' ? '10.255.0.1' : '10.255.0.2' },
    { path: `devices.${k}.dataChannel.interface`, label: 'dataInterface', kind: 'text', placeholder: 'GigabitEthernet1/0/3' },
    { path: `devices.${k}.dataChannel.address`, label: 'dataAddress', kind: 'text', placeholder: k === 'a' ? '10.255.0.1/30' : '10.255.0.2/30' },
    { path: `devices.${k}.dataChannel.ipv6Address`, label: 'dataIpv6Address', kind: 'text', placeholder: k === 'a' ? 'fd00:ff::1/64' : 'fd00:ff::2/64' },
    { path: `devices.${k}.managementInterface`, label: 'managementInterface', kind: 'text' },
  ],
  lists: [
    {
      path: `devices.${k}.interfaces`,
      label: 'interfaces',
      blank: { name: '' },
      item: [
        { path: 'name', label: 'name', kind: 'text', placeholder: 'GigabitEthernet1/0/1' },
        { path: 'address', label: 'address', kind: 'text', placeholder: '192.168.10.2/24' },
        { path: 'ipv6Address', label: 'ipv6Address', kind: 'text', placeholder: '2001:db8:10::2/64' },
        { path: 'linkLocal', label: 'linkLocal', kind: 'text', placeholder: 'fe80::2' },
        { path: 'aggregateMember', label: 'aggregateMember', kind: 'text' },
        { path: 'description', label: 'description', kind: 'text' },
      ],
    },
  ],
});

export const SECTIONS: readonly SectionSpec[] = [
  {
    id: 'general',
    title: 'general',
    fields: [
      { path: 'name', label: 'name', kind: 'text', placeholder: 'site-1' },
      { path: 'mode', label: 'mode', kind: 'select', options: ['active-standby', 'dual-active', 'mirroring'] },
      { path: 'roles', label: 'roles', kind: 'select', options: ['manual', 'auto'] },
      { path: 'platform', label: 'platform', kind: 'text' },
    ],
  },
  {
    id: 'channel',
    title: 'channel',
    fields: [
      { path: 'controlChannel.port', label: 'controlPort', kind: 'number' },
      { path: 'controlChannel.keepalive.intervalSeconds', label: 'keepaliveInterval', kind: 'number' },
      { path: 'controlChannel.keepalive.count', label: 'keepaliveCount', kind: 'number' },
      { path: 'dataChannel.transport', label: 'dataTransport', kind: 'select', options: ['l2', 'l3'] },
    ],
  },
  {
    id: 'behaviour',
    title: 'behaviour',
    fields: [
      { path: 'fallback.enabled', label: 'fallback', kind: 'checkbox' },
      { path: 'fallback.delaySeconds', label: 'fallbackDelay', kind: 'number' },
      { path: 'backup.sessions', label: 'backupSessions', kind: 'checkbox' },
      { path: 'backup.http', label: 'backupHttp', kind: 'checkbox' },
      { path: 'backup.dns', label: 'backupDns', kind: 'checkbox' },
      { path: 'backup.aftPortBlocks', label: 'backupAft', kind: 'checkbox' },
      { path: 'backup.lastHops', label: 'backupLastHops', kind: 'checkbox' },
      { path: 'configSync.auto', label: 'configSync', kind: 'checkbox' },
      { path: 'configSync.staticRoutes', label: 'syncStaticRoutes', kind: 'checkbox' },
      { path: 'consistencyCheck.enabled', label: 'consistencyCheck', kind: 'checkbox' },
      // The schedule is one of three forms; filling two is reported by the validator, not prevented.
      { path: 'consistencyCheck.schedule.every', label: 'checkEvery', kind: 'text', prune: SCHEDULE },
      { path: 'consistencyCheck.schedule.daily', label: 'checkDaily', kind: 'text', placeholder: '02:30', prune: SCHEDULE },
      { path: 'consistencyCheck.schedule.weekly.day', label: 'checkWeekly', kind: 'select', options: ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], prune: WEEKLY },
      { path: 'consistencyCheck.schedule.weekly.at', label: 'checkWeeklyAt', kind: 'text', placeholder: '02:30', prune: WEEKLY },
    ],
  },
  {
    id: 'routing',
    title: 'routing',
    fields: ([['ospf', 'OSPF'], ['isis', 'IS-IS'], ['bgp', 'BGP'], ['ospfv3', 'OSPFv3']] as const).flatMap(([p, name]): FieldSpec[] => [
      { path: `routing.${p}.absolute`, label: 'costAbsolute', labelParams: { protocol: name }, kind: 'number', prune: [`routing.${p}`] },
      { path: `routing.${p}.increment`, label: 'costIncrement', kind: 'number', prune: [`routing.${p}`] },
    ]),
  },
  {
    id: 'monitoring',
    title: 'monitoring',
    fields: [
      { path: 'monitor.interfaces', label: 'monitorInterfaces', kind: 'list', placeholder: 'GigabitEthernet1/0/1, GigabitEthernet1/0/2', prune: ['monitor'] },
      { path: 'monitor.vlans', label: 'monitorVlans', kind: 'numbers', placeholder: '10, 20', prune: ['monitor'] },
      { path: 'loghost.address', label: 'loghostAddress', kind: 'text', placeholder: '192.0.2.50', prune: ['loghost'] },
      { path: 'loghost.port', label: 'loghostPort', kind: 'number', prune: ['loghost'] },
    ],
  },
  {
    id: 'collaboration',
    title: 'collaboration',
    fields: [],
    lists: [
      {
        path: 'track',
        label: 'track',
        blank: { id: 1 },
        item: [
          { path: 'id', label: 'id', kind: 'number' },
          { path: 'interface', label: 'interface', kind: 'text' },
        ],
      },
      {
        path: 'vrrp',
        label: 'vrrp',
        blank: { interface: '', vrid: 1, virtualIp: '', group: 'active' },
        item: [
          { path: 'interface', label: 'interface', kind: 'text' },
          { path: 'vrid', label: 'vrid', kind: 'number' },
          { path: 'virtualIp', label: 'virtualIp', kind: 'text' },
          { path: 'group', label: 'group', kind: 'select', options: ['active', 'standby'] },
          { path: 'mode', label: 'mode', kind: 'select', options: ['', 'standard', 'load-sharing'] },
        ],
      },
      {
        path: 'floatingIps',
        label: 'floatingIps',
        blank: { interface: '', address: '' },
        item: [
          { path: 'interface', label: 'interface', kind: 'text' },
          { path: 'address', label: 'address', kind: 'text' },
        ],
      },
    ],
  },
  device('a'),
  device('b'),
];

/** A new pair: only what has no default, with documentation addresses to replace; the rest is the file's default. */
export const NEW_PAIR = {
  name: 'new-pair',
  devices: {
    a: { sysname: 'FW-A', role: 'primary', connect: 'ssh://admin@192.0.2.11:22', controlChannel: { localIp: '10.255.0.1' }, dataChannel: { interface: 'GigabitEthernet1/0/3' } },
    b: { sysname: 'FW-B', role: 'secondary', connect: 'ssh://admin@192.0.2.12:22', controlChannel: { localIp: '10.255.0.2' }, dataChannel: { interface: 'GigabitEthernet1/0/3' } },
  },
};
