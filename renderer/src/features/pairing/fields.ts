/**
 * The hot-backup form as data: one entry per pair-file field, keyed by the same path syntax the
 * validator reports, so a diagnostic lands beside the field it names.
 */
export type FieldKind = 'text' | 'number' | 'select' | 'checkbox';

export interface FieldSpec {
  path: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  placeholder?: string;
  /** The file's default, shown as the placeholder and used when the field is left empty. */
  hint?: string;
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

const device = (k: 'a' | 'b'): SectionSpec => ({
  id: `device-${k}`,
  title: `Device ${k.toUpperCase()}`,
  fields: [
    { path: `devices.${k}.sysname`, label: 'Sysname', kind: 'text', placeholder: k === 'a' ? 'FW-A' : 'FW-B' },
    { path: `devices.${k}.role`, label: 'Role', kind: 'select', options: ['', 'primary', 'secondary'] },
    { path: `devices.${k}.connect`, label: 'Connect', kind: 'text', placeholder: 'ssh://admin@192.0.2.11:22 or serial:///dev/ttyUSB0?baud=9600' },
    { path: `devices.${k}.passwordEnv`, label: 'Password env var', kind: 'text', placeholder: `HOTPAIR_${k.toUpperCase()}_PASSWORD` },
    { path: `devices.${k}.controlChannel.localIp`, label: 'Control channel local IP', kind: 'text', placeholder: k === 'a' ? '10.255.0.1' : '10.255.0.2' },
    { path: `devices.${k}.dataChannel.interface`, label: 'Data channel interface', kind: 'text', placeholder: 'GigabitEthernet1/0/3' },
    { path: `devices.${k}.dataChannel.address`, label: 'Data channel address', kind: 'text', placeholder: k === 'a' ? '10.255.0.1/30' : '10.255.0.2/30' },
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
