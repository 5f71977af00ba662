/**
 * The hot-backup form as data: one entry per pair-file field, keyed by the same path syntax the
 * validator reports, so a diagnostic lands beside the field it names.
 */
/** Whether a field holds a list of plain values (its findings name items: `path[1]`). */
export const isValuesKind = (k: FieldKind) => k === 'list' || k === 'numbers';

/** 'list' and 'numbers': a list of plain values typed on one line, separated by commas or spaces. */
export type FieldKind = 'text' | 'number' | 'select' | 'checkbox' | 'list' | 'numbers';

export interface FieldSpec {
  path: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  placeholder?: string;
  /** The file's default, shown as the placeholder and used when the field is left empty. */
  hint?: string;
  /** Optional groups holding this field (innermost first), removed when clearing it leaves them empty. */
  prune?: readonly string[];
}

export interface ListSpec {
  path: string;
  label: string;
  item: readonly FieldSpec[]; // paths relative to the item
  blank: Record<string, unknown>;
}

export interface SectionSpec {
  id: string;
  title: string;
  fields: readonly FieldSpec[];
  lists?: readonly ListSpec[];
}

const WEEKLY = ['consistencyCheck.schedule.weekly', 'consistencyCheck.schedule'];
const SCHEDULE = ['consistencyCheck.schedule'];

const device = (k: 'a' | 'b'): SectionSpec => ({
  id: `device-${k}`,
  title: `Device ${k.toUpperCase()}`,
  fields: [
    { path: `devices.${k}.sysname`, label: 'Sysname', kind: 'text', placeholder: k === 'a' ? 'FW-A' : 'FW-B' },
    { path: `devices.${k}.role`, label: 'Role', kind: 'select', options: ['', 'primary', 'secondary'] },
    { path: `devices.${k}.connect`, label: 'Connect', kind: 'text', placeholder: 'ssh://admin@192.0.2.11:22 or serial:///dev/ttyUSB0?baud=9600' },
    { path: `devices.${k}.passwordEnv`, label: 'Password env var', kind: 'text', placeholder: `HOTPAIR_${k.toUpperCase()}_PASSWORD` },
    { path: `devices.${k}.identityFile`, label: 'SSH identity file', kind: 'text', placeholder: '~/.ssh/id_ed25519' },
    { path: `devices.${k}.controlChannel.localIp`, label: 'Control channel local IP', kind: 'text', placeholder: k === 'a' ? '10.255.0.1' : '10.255.0.2' },
    { path: `devices.${k}.dataChannel.interface`, label: 'Data channel interface', kind: 'text', placeholder: 'GigabitEthernet1/0/3' },
    { path: `devices.${k}.dataChannel.address`, label: 'Data channel address', kind: 'text', placeholder: k === 'a' ? '10.255.0.1/30' : '10.255.0.2/30' },
    { path: `devices.${k}.dataChannel.ipv6Address`, label: 'Data channel IPv6 address', kind: 'text', placeholder: k === 'a' ? 'fd00:ff::1/64' : 'fd00:ff::2/64' },
    { path: `devices.${k}.managementInterface`, label: 'Management interface (mirroring)', kind: 'text' },
  ],
  lists: [
    {
      path: `devices.${k}.interfaces`,
      label: 'Interfaces',
      blank: { name: '' },
      item: [
        { path: 'name', label: 'Name', kind: 'text', placeholder: 'GigabitEthernet1/0/1' },
        { path: 'address', label: 'Address', kind: 'text', placeholder: '192.168.10.2/24' },
        { path: 'ipv6Address', label: 'IPv6 address', kind: 'text', placeholder: '2001:db8:10::2/64' },
        { path: 'linkLocal', label: 'IPv6 link-local', kind: 'text', placeholder: 'fe80::2' },
        { path: 'aggregateMember', label: 'Member of', kind: 'text' },
        { path: 'description', label: 'Description', kind: 'text' },
      ],
    },
  ],
});

export const SECTIONS: readonly SectionSpec[] = [
  {
    id: 'general',
    title: 'Pair',
    fields: [
      { path: 'name', label: 'Name', kind: 'text', placeholder: 'site-1' },
      { path: 'mode', label: 'Mode', kind: 'select', options: ['active-standby', 'dual-active', 'mirroring'], hint: 'active-standby' },
      { path: 'roles', label: 'Roles', kind: 'select', options: ['manual', 'auto'], hint: 'manual' },
      { path: 'platform', label: 'Platform pack', kind: 'text', hint: 'comware7' },
    ],
  },
  {
    id: 'channel',
    title: 'Channels',
    fields: [
      { path: 'controlChannel.port', label: 'Control channel port', kind: 'number', hint: '60064' },
      { path: 'controlChannel.keepalive.intervalSeconds', label: 'Keepalive interval (s)', kind: 'number', hint: '1' },
      { path: 'controlChannel.keepalive.count', label: 'Keepalive count', kind: 'number', hint: '10' },
      { path: 'dataChannel.transport', label: 'Data channel transport', kind: 'select', options: ['l2', 'l3'], hint: 'l2' },
    ],
  },
  {
    id: 'behaviour',
    title: 'Backup, sync and fallback',
    fields: [
      { path: 'fallback.enabled', label: 'Fall back to the original active', kind: 'checkbox' },
      { path: 'fallback.delaySeconds', label: 'Fallback delay (s)', kind: 'number', hint: '60' },
      { path: 'backup.sessions', label: 'Back up sessions', kind: 'checkbox', hint: 'true' },
      { path: 'backup.http', label: 'Back up HTTP', kind: 'checkbox' },
      { path: 'backup.dns', label: 'Back up DNS', kind: 'checkbox' },
      { path: 'backup.aftPortBlocks', label: 'Back up AFT port blocks', kind: 'checkbox' },
      { path: 'backup.lastHops', label: 'Back up last hops', kind: 'checkbox' },
      { path: 'configSync.auto', label: 'Synchronise configuration', kind: 'checkbox', hint: 'true' },
      { path: 'configSync.staticRoutes', label: 'Synchronise static routes', kind: 'checkbox' },
      { path: 'consistencyCheck.enabled', label: 'Consistency check', kind: 'checkbox', hint: 'true' },
      // The schedule is one of three forms; filling two is reported by the validator, not prevented.
      { path: 'consistencyCheck.schedule.every', label: 'Check every (one schedule only)', kind: 'text', hint: '1h', prune: SCHEDULE },
      { path: 'consistencyCheck.schedule.daily', label: 'or daily at', kind: 'text', placeholder: '02:30', prune: SCHEDULE },
      { path: 'consistencyCheck.schedule.weekly.day', label: 'or weekly on', kind: 'select', options: ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], prune: WEEKLY },
      { path: 'consistencyCheck.schedule.weekly.at', label: 'weekly at', kind: 'text', placeholder: '02:30', prune: WEEKLY },
    ],
  },
  {
    id: 'routing',
    title: 'Routing cost on the standby',
    fields: ([['ospf', 'OSPF'], ['isis', 'IS-IS'], ['bgp', 'BGP'], ['ospfv3', 'OSPFv3']] as const).flatMap(([p, name]): FieldSpec[] => [
      { path: `routing.${p}.absolute`, label: `${name} cost: set to`, kind: 'number', prune: [`routing.${p}`] },
      { path: `routing.${p}.increment`, label: `or raise by`, kind: 'number', prune: [`routing.${p}`] },
    ]),
  },
  {
    id: 'monitoring',
    title: 'Monitoring and logging',
    fields: [
      { path: 'monitor.interfaces', label: 'Interfaces to monitor', kind: 'list', placeholder: 'GigabitEthernet1/0/1, GigabitEthernet1/0/2', prune: ['monitor'] },
      { path: 'monitor.vlans', label: 'VLANs to monitor', kind: 'numbers', placeholder: '10, 20', prune: ['monitor'] },
      { path: 'loghost.address', label: 'Loghost address (HotPair monitor)', kind: 'text', placeholder: '192.0.2.50', prune: ['loghost'] },
      { path: 'loghost.port', label: 'Loghost port', kind: 'number', hint: '514', prune: ['loghost'] },
    ],
  },
  {
    id: 'collaboration',
    title: 'Collaboration',
    fields: [],
    lists: [
      {
        path: 'track',
        label: 'Track entries',
        blank: { id: 1 },
        item: [
          { path: 'id', label: 'Id', kind: 'number' },
          { path: 'interface', label: 'Interface', kind: 'text' },
        ],
      },
      {
        path: 'vrrp',
        label: 'VRRP groups',
        blank: { interface: '', vrid: 1, virtualIp: '', group: 'active' },
        item: [
          { path: 'interface', label: 'Interface', kind: 'text' },
          { path: 'vrid', label: 'VRID', kind: 'number' },
          { path: 'virtualIp', label: 'Virtual IP', kind: 'text' },
          { path: 'group', label: 'Group', kind: 'select', options: ['active', 'standby'] },
          { path: 'mode', label: 'Mode', kind: 'select', options: ['', 'standard', 'load-sharing'] },
        ],
      },
      {
        path: 'floatingIps',
        label: 'Floating IPs',
        blank: { interface: '', address: '' },
        item: [
          { path: 'interface', label: 'Interface', kind: 'text' },
          { path: 'address', label: 'Address', kind: 'text' },
        ],
      },
    ],
  },
  device('a'),
  device('b'),
];

export const NEW_PAIR = {
  name: 'new-pair',
  mode: 'active-standby',
  roles: 'manual',
  devices: {
    a: { sysname: 'FW-A', role: 'primary', connect: 'ssh://admin@192.0.2.11:22', controlChannel: { localIp: '10.255.0.1' }, dataChannel: { interface: 'GigabitEthernet1/0/3' } },
    b: { sysname: 'FW-B', role: 'secondary', connect: 'ssh://admin@192.0.2.12:22', controlChannel: { localIp: '10.255.0.2' }, dataChannel: { interface: 'GigabitEthernet1/0/3' } },
  },
};
