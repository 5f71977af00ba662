import type { PlatformPack } from './pack';

/** The IPv6 form of an {ip} placeholder (pack-wide, {ip} is an IPv4 address). */
const IPV6 = { type: 'ipv6', description: 'IPv6 address' } as const;
/** The RBM control channel's TCP port: the `limits` range, optional as in `remote-ip IP [ port PORT ]`. */
const CONTROL_PORT = { type: 'int', limit: 'controlPort', optional: true, introducedBy: 'port', description: 'TCP port of the control channel' } as const;

/**
 * H3C Comware V7 (SecPath firewalls) — facts from H3C's command references and configuration
 * guides and from real device output. Every command whose exact syntax no vendor text confirms
 * carries `verified: false`.
 */
export const comware7: PlatformPack = {
  formatVersion: 1,
  id: 'comware7',
  name: 'H3C Comware V7 (SecPath)',
  version: '2026.11.1',
  prompts: {
    // the vendor CLI notes: optional NUL, RBM_P/RBM_S prefix, < > for user view, [ ] for any system view; [Y/N] excluded.
    any: '(?:^|[\\r\\n])\\x00?(RBM_[PS])?([<\\[])((?![Yy]\\/[Nn]\\])[^\\r\\n<>\\[\\]]+)[>\\]]\\s*$',
    user: '(?:^|[\\r\\n])\\x00?(RBM_[PS])?<([^\\r\\n<>]+)>\\s*$',
    config: '(?:^|[\\r\\n])\\x00?(RBM_[PS])?\\[((?![Yy]\\/[Nn]\\])[^\\r\\n\\[\\]]+)\\]\\s*$',
    rbmPrefixes: ['RBM_P', 'RBM_S'],
  },
  pager: { marker: '\\s*-{4} More -{4}\\s*$', continueKey: ' ' },
  errors: [
    { pattern: "^\\s*% Unrecognized command found at '\\^' position\\.", kind: 'unrecognized' },
    { pattern: "^\\s*% Incomplete command found at '\\^' position\\.", kind: 'incomplete' },
    { pattern: "^\\s*% Ambiguous command found at '\\^' position\\.", kind: 'ambiguous' },
    { pattern: "^\\s*% Too many parameters found at '\\^' position\\.", kind: 'too-many-parameters' },
    { pattern: "^\\s*% Wrong parameter found at '\\^' position\\.", kind: 'wrong-parameter' },
    { pattern: '^\\s*Permission denied\\.', kind: 'permission' },
    { pattern: "^\\s*.*(?:doesn't|does not) exist", kind: 'not-exist' },
    { pattern: '^\\s*(?:Error|Failed)[:,] ', kind: 'failed' },
  ],
  confirmations: [
    { pattern: 'Are you sure\\? \\[Y/N\\]:?\\s*$', answer: 'Y' },
    { pattern: 'Please input the file name\\(\\*\\.cfg\\)\\[[^\\]]*\\]\\s*(?:\\r?\\n)?\\(To leave the existing filename unchanged, press the enter key\\):\\s*$', answer: '' },
    { pattern: 'exists, overwrite\\? \\[Y/N\\]:?\\s*$', answer: 'Y' },
    { pattern: 'continue the save operation\\? \\[Y/N\\]:?\\s*$', answer: 'Y' },
    { pattern: 'Continue\\? \\[Y/N\\]:?\\s*$', answer: 'Y' },
    // Login-time questions (vendor CLI notes): keep the current password; continue past the notice banner.
    { pattern: 'Do you want to change it\\?\\s*(?:\\[Y/N\\]:?)?\\s*$', answer: 'N' },
    { pattern: 'Press Y or ENTER to continue, N to exit\\.?\\s*$', answer: 'Y' },
    // A reboot question is never answered by the tool: the engineer decides.
    { pattern: 'reboot the device\\. Continue\\? \\[Y/N\\]:?\\s*$', answer: 'N', abort: true },
  ],
  login: {
    pressEnter: 'Press ENTER to get started\\.?',
    username: '(?:login|[Uu]sername|[Uu]ser name):\\s*$',
    password: '(?<!old |new )[Pp]assword:\\s*$',
    firstLogin: 'First login or password reset\\. For security reason, you need to change your password\\.',
    oldPassword: 'old password:\\s*$',
    newPassword: 'new password:\\s*$',
    confirmPassword: 'confirm:\\s*$',
    authFailed: 'Authentication failed|Login failed|AAA authentication failed',
    lockedOut: 'The user is locked|has been locked|locked out|Too many failed attempts',
  },
  session: {
    disablePaging: 'screen-length disable',
    enterSystemView: 'system-view',
    returnToUser: 'return',
    quit: 'quit',
    save: 'save force',
    saveOk: 'Saved the current configuration to mainboard device successfully|Configuration is saved to device successfully',
    lineMax: 511,
    logLine: '^[%*#^]?\\w{3} +\\d+ \\d\\d:\\d\\d:\\d\\d(?::\\d+)? \\d{4} \\S+ [A-Z0-9_]+/\\d/[A-Z0-9_]+:',
  },
  limits: {
    // The vendor CLI notes: the port range and default and the keepalive ranges are found in no public text
    // ([MEM]; third-party code assumes 1 s × 10); the lab enforces the same numbers.
    controlPort: [1024, 65535],
    keepaliveInterval: [1, 10],
    keepaliveCount: [3, 20],
    fallbackDelaySeconds: [1, 3600],
    consistencyIntervalHours: [1, 168],
  },
  commands: {
    sysname: { template: 'sysname {name}', undo: 'undo sysname', view: 'system', verified: true },
    interface: { template: 'interface {interface}', view: 'system', verified: true },
    ipAddress: { template: 'ip address {ip} {mask}', undo: 'undo ip address {ip} {mask}', view: 'interface', verified: true },
    ipv6Address: { template: 'ipv6 address {ip}/{prefix}', undo: 'undo ipv6 address {ip}/{prefix}', view: 'interface', verified: true, params: { ip: IPV6, prefix: { type: 'int', min: 1, max: 128, hint: 'M', description: 'prefix length' } } },
    ipv6LinkLocal: { template: 'ipv6 address {ip} link-local', undo: 'undo ipv6 address {ip} link-local', view: 'interface', verified: true, params: { ip: IPV6 } },
    description: { template: 'description {text}', undo: 'undo description', view: 'interface', verified: true },
    trackInterface: { template: 'track {id} interface {interface}', undo: 'undo track {id}', view: 'system', verified: true, note: 'enters track view; leave with quit' },
    loghost: { template: 'info-center loghost {ip} port {port}', undo: 'undo info-center loghost {ip}', view: 'system', verified: true },
    // The seed binds Device A's groups to the VRRP active group and Device B's to the standby group
    // (vendor CLI notes); the keyword that does it is found in no public text (the vendor CLI notes, "Not found anywhere public").
    vrrpBind: {
      template: 'vrrp vrid {vrid} virtual-ip {ip} {group}',
      undo: 'undo vrrp vrid {vrid} virtual-ip {ip}',
      view: 'interface',
      verified: false,
      note: 'RBM-bound VRRP keyword form (active|standby) is [MEM] (§2.2)',
    },
    // the vendor CLI notes: an IPv6 group's first virtual address is link-local (`vrrp ipv6 vrid N virtual-ip FE80::1
    // link-local`), and it is the last one removed; the RBM keyword after it is the vendor notes' guess.
    vrrpBindIpv6LinkLocal: {
      template: 'vrrp ipv6 vrid {vrid} virtual-ip {ip} link-local {group}',
      params: { ip: IPV6 },
      undo: 'undo vrrp ipv6 vrid {vrid} virtual-ip {ip} link-local',
      view: 'interface',
      verified: false,
      note: 'link-local form verbatim from the VRRP guide (§8); the RBM keyword appended to it is [MEM]',
    },
    vrrpBindIpv6: {
      template: 'vrrp ipv6 vrid {vrid} virtual-ip {ip} {group}',
      params: { ip: IPV6 },
      undo: 'undo vrrp ipv6 vrid {vrid} virtual-ip {ip}',
      view: 'interface',
      verified: false,
      note: 'a further (global) address of an IPv6 group, after its link-local one; RBM keyword as §2.2',
    },
    floatingIp: {
      template: 'remote-backup virtual-ip {ip} {mask}',
      undo: 'undo remote-backup virtual-ip {ip} {mask}',
      view: 'interface',
      verified: false,
      note: '"Associating RBM with virtual IP addresses" syntax not retrievable (§2.2)',
    },
    floatingIpv6: { template: 'remote-backup virtual-ipv6 {ip} {prefix}', undo: 'undo remote-backup virtual-ipv6 {ip} {prefix}', view: 'interface', verified: false, params: { ip: IPV6 } },
    rbmEnter: { template: 'remote-backup group', undo: 'undo remote-backup group', view: 'system', verified: true },
    deviceRole: { template: 'device-role {role}', undo: 'undo device-role', view: 'rbm', verified: false },
    deviceRoleAuto: { template: 'device-role auto', undo: 'undo device-role', view: 'rbm', verified: false },
    backupMode: { template: 'backup-mode {mode}', undo: 'undo backup-mode', view: 'rbm', verified: false, note: 'mode: dual-active | mirroring; undo = active/standby' },
    localIp: { template: 'local-ip {ip}', undo: 'undo local-ip', view: 'rbm', verified: false },
    localIpv6: { template: 'local-ipv6 {ip}', undo: 'undo local-ipv6', view: 'rbm', verified: false, params: { ip: IPV6 } },
    remoteIp: { template: 'remote-ip {ip} port {port}', undo: 'undo remote-ip', view: 'rbm', verified: false, params: { port: CONTROL_PORT } },
    remoteIpv6: { template: 'remote-ipv6 {ip} port {port}', undo: 'undo remote-ipv6', view: 'rbm', verified: false, params: { ip: IPV6, port: CONTROL_PORT } },
    keepaliveInterval: { template: 'keepalive interval {seconds}', undo: 'undo keepalive interval', view: 'rbm', verified: false, params: { seconds: { type: 'int', limit: 'keepaliveInterval', description: 'Keepalive interval in seconds' } } },
    keepaliveCount: { template: 'keepalive count {count}', undo: 'undo keepalive count', view: 'rbm', verified: false },
    dataChannel: { template: 'data-channel interface {interface}', undo: 'undo data-channel interface', view: 'rbm', verified: false },
    dataChannelLayer3: { template: 'data-channel transport-mode layer3', undo: 'undo data-channel transport-mode', view: 'rbm', verified: false },
    managementInterface: { template: 'management-interface {interface}', undo: 'undo management-interface', view: 'rbm', verified: false },
    hotBackup: { template: 'hot-backup enable', undo: 'undo hot-backup enable', view: 'rbm', verified: false },
    backupHttp: { template: 'hot-backup http enable', undo: 'undo hot-backup http enable', view: 'rbm', verified: false },
    backupDns: { template: 'hot-backup dns enable', undo: 'undo hot-backup dns enable', view: 'rbm', verified: false },
    backupAftPortBlock: { template: 'hot-backup aft-port-block enable', undo: 'undo hot-backup aft-port-block enable', view: 'rbm', verified: false },
    backupLastHop: { template: 'hot-backup last-hop enable', undo: 'undo hot-backup last-hop enable', view: 'rbm', verified: false },
    autoSync: { template: 'configuration auto-sync enable', undo: 'undo configuration auto-sync enable', view: 'rbm', verified: true, note: 'named in the 2024 command reference (§8)' },
    autoSyncStaticRoutes: { template: 'configuration auto-sync enable route-static', undo: 'undo configuration auto-sync enable route-static', view: 'rbm', verified: true, note: 'named in the 2024 command reference (§8)' },
    syncCheckEnable: { template: 'configuration sync-check enable', undo: 'undo configuration sync-check enable', view: 'rbm', verified: false, note: 'with or without `enable` is not confirmed (§8)' },
    syncCheckInterval: { template: 'configuration sync-check interval {hours}', undo: 'undo configuration sync-check interval', view: 'rbm', verified: false },
    syncCheckDaily: { template: 'configuration sync-check daily {time}', undo: 'undo configuration sync-check daily', view: 'rbm', verified: false },
    syncCheckWeekly: { template: 'configuration sync-check weekly {day} {time}', undo: 'undo configuration sync-check weekly', view: 'rbm', verified: false },
    switchback: { template: 'switchback enable', undo: 'undo switchback enable', view: 'rbm', verified: false },
    delayTime: { template: 'delay-time {seconds}', undo: 'undo delay-time', view: 'rbm', verified: false, note: 'unit (seconds vs minutes) unverified (§7.1)', params: { seconds: { type: 'int', limit: 'fallbackDelaySeconds', description: 'Delay in seconds' } } },
    rbmTrack: { template: 'track {id}', undo: 'undo track {id}', view: 'rbm', verified: false },
    monitorInterface: { template: 'track interface {interface}', undo: 'undo track interface {interface}', view: 'rbm', verified: false },
    monitorVlan: { template: 'track vlan {vlan}', undo: 'undo track vlan {vlan}', view: 'rbm', verified: false },
    adjustCost: {
      template: 'adjust-cost {protocol} enable {kind} {cost}',
      undo: 'undo adjust-cost {protocol} enable',
      view: 'rbm',
      verified: true,
      note: 'verbatim from the 2024/2025 command reference; costs 1–65535 (§8)',
    },
    // Manual operations (actions: no undo).
    opCheck: { template: 'configuration manual-sync-check', view: 'rbm', verified: true, note: 'named in the 2024 command reference (§8)' },
    opSync: { template: 'configuration manual-sync', view: 'rbm', verified: false, note: 'not among the commands the 2024/2025 references name (§8)' },
    opSwitchover: { template: 'switchover request', view: 'rbm', verified: false, note: 'a 3P rule table calls it switchover request; what switchover does depends on the release (§8)' },
    opPeerActive: { template: 'switchover peer-active', view: 'rbm', verified: false },
    opPeerStandby: { template: 'switchover peer-standby', view: 'rbm', verified: false },
    // the vendor CLI notes: "No `reset remote-backup-group election` was found anywhere." Kept as data so a pack
    // corrected for a release that has it can enable the `reset` operation (ops.ts refuses it
    // while unverified); no automated flow types it.
    opReset: { template: 'reset remote-backup-group election', view: 'user', verified: false, note: 'found in no vendor text (§8); refused unless a pack marks it verified' },
  },
  // What each placeholder takes on the CLI, for the lab's grammar and `?` help; ranges not in
  // `limits` are the lab's, as unverified as the commands that use them.
  params: {
    name: { type: 'string', min: 1, max: 64, description: 'Device name' },
    interface: { type: 'interface', description: 'Interface type and number' },
    ip: { type: 'ipv4', description: 'IP address' },
    mask: { type: 'mask', description: 'IP mask' },
    prefix: { type: 'int', min: 1, max: 128, description: 'Prefix length' },
    text: { type: 'text', min: 1, max: 255, description: 'Description, up to 255 characters' },
    id: { type: 'int', min: 1, max: 1024, description: 'Track entry number' },
    port: { type: 'int', min: 1, max: 65535, optional: true, introducedBy: 'port', description: 'Port number' },
    vrid: { type: 'int', min: 1, max: 255, description: 'Virtual router identifier' },
    group: { type: 'keyword', values: ['active', 'standby'], optional: true },
    role: { type: 'keyword', values: ['primary', 'secondary'] },
    mode: { type: 'keyword', values: ['dual-active', 'mirroring'] },
    count: { type: 'int', limit: 'keepaliveCount', description: 'Missed keepalives before the peer is down' },
    hours: { type: 'int', limit: 'consistencyIntervalHours', description: 'Check interval in hours' },
    time: { type: 'time', description: 'Time of day (hh:mm)' },
    day: { type: 'weekday', description: 'Day of the week' },
    vlan: { type: 'int', min: 2, max: 4094, description: 'VLAN ID' },
    protocol: { type: 'keyword', values: ['bgp', 'isis', 'ospf', 'ospfv3'] },
    kind: { type: 'keyword', values: ['absolute', 'increment'] },
    cost: { type: 'int', min: 1, max: 65535, optional: true, description: 'Link cost' },
    minutes: { type: 'int', min: 1, max: 65535, description: 'Minutes before the configuration rolls back' },
  },
  displays: {
    rbmStatus: 'display remote-backup-group status',
    syncCheck: 'display remote-backup-group sync-check',
    currentConfig: 'display current-configuration',
    this: 'display this',
    version: 'display version',
    device: 'display device',
    manuinfo: 'display device manuinfo',
    interfaceBrief: 'display interface brief',
    vrrp: 'display vrrp',
    vrrpVerbose: 'display vrrp verbose',
    // verified: false — the command is in the VRRP guide, but no vendor text we hold shows its output:
    // parse/vrrp.ts reads it as the IPv4 verbose form with IPv6 addresses (link-local first). Confirm on a device.
    vrrpIpv6Verbose: 'display vrrp ipv6 verbose',
    trackAll: 'display track all',
    logbuffer: 'display logbuffer',
    clock: 'display clock',
    startup: 'display startup',
    savedConfig: 'display saved-configuration',
  },
  commitDelay: { start: 'configuration commit delay {minutes}', confirm: 'configuration commit', minutes: 10, verified: false },
  // the vendor CLI notes, from the switch set's "Using automatic configuration": the index form (smart_config.ini
  // in the USB root, one [DEVICE DESCRIPTION] per device matched by MAC, then SN) with each file
  // named <serial>.cfg, which the simple form (`autodeploy udisk enable`) also finds by name.
  // Whether SecPath firewalls read either form is not confirmed.
  usbAutoConfig: {
    configFile: '{serial}.cfg',
    indexFile: 'smart_config.ini',
    indexHeader: 'BEGIN LSW\n[GLOBAL CONFIG]\nTIMESN={timesn}\n',
    indexEntry: '[DEVICE DESCRIPTION]\nMAC={mac}\nSN={serial}\nSYSTEM-CONFIG={file}\n',
    indexFooter: 'END LSW\n',
    verified: false,
    note: 'layout documented for Comware 7 switches (comware-cli.md §8), assumed for SecPath: unverified',
  },
  // Where `display startup`'s file is over SFTP, for the byte-exact copy kept before a push.
  files: {
    sftpPath: '/{file}',
    verified: false,
    note: 'the SFTP server is believed to start in the default storage medium (flash:); a file on another medium may need {drive}:/{file}',
  },
};
