import type { StageName } from './types';

/** What each stage does and why, as the CLI and the app explain it to the engineer. */
export const STAGE_TEXT: Record<StageName, { title: string; explain?: string }> = {
  connect: { title: 'Connecting to both devices', explain: 'both at once; each login is bounded' },
  discover: { title: 'Reading both devices', explain: 'version, serial, interfaces, configuration, RBM, VRRP, track, clock' },
  preflight: { title: 'Preflight', explain: 'the pair file rules with what the devices are; any error stops here, before anything is pushed' },
  plan: { title: 'Plan', explain: 'per device, what to add and remove against its running configuration' },
  prepare: { title: 'Stage 0 — removals', explain: 'settings that stand in the way of the file (another RBM setting, a conflicting track or VRRP group)' },
  channel: { title: 'Stage 1 — control channel', explain: 'on the primary, then the secondary: channel addresses, roles, local/remote IP and port, keepalive, data channel, mode and sync switches' },
  sync: { title: 'Stage 2 — synchronised configuration', explain: 'pushed once, to the primary; the secondary receives it over the channel and is checked for it' },
  local: { title: 'Stage 3 — per-device configuration', explain: 'what RBM does not synchronise: tracks, VRRP bindings, descriptions, RBM options' },
  verify: { title: 'Verify', explain: 'channel Connected on both sides, roles and running status, data channel, consistency check, VRRP states' },
  commit: { title: 'Confirm', explain: 'ends the commit-delay window so the devices keep the new configuration' },
  save: { title: 'Save', explain: 'save force on both devices' },
  rollback: { title: 'Rollback', explain: 'undo of exactly the lines applied, newest first, then both configurations compared with the copies taken before the push' },
};
