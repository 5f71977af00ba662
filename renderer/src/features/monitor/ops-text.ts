import type { MonitorOp } from '../../../../src/contract/index';

/** What each manual operation does, in the confirmation dialog's words (core: src/core/provision/ops.ts). */
export const OP_LABEL: Record<MonitorOp, string> = {
  check: 'Check consistency',
  sync: 'Sync configuration',
  switchover: 'Switchover',
  'peer-active': 'Make peer active',
  'peer-standby': 'Make peer standby',
  reset: 'Reset roles',
};

export const OP_EXPLAIN: Record<MonitorOp, string> = {
  check: 'Runs a configuration consistency check on the primary now and reads its result. Traffic is not affected.',
  sync: 'Copies the configuration from the primary to the secondary now, then checks consistency. The secondary’s differing lines are overwritten.',
  switchover: 'Swaps the Active and Standby devices. Traffic moves to the other device; sessions backed up to it continue.',
  'peer-active': 'Dual-active: makes the peer (B) the only Active device; A goes Standby and its traffic moves to B.',
  'peer-standby': 'Dual-active: puts the peer (B) in Standby; A stays Active and carries all traffic.',
  reset: 'Restarts the role election and waits for the planned roles. Traffic may move while the devices re-elect.',
};

/** Operations that move traffic: their confirm button says so and is styled as a warning. */
export const MOVES_TRAFFIC: ReadonlySet<MonitorOp> = new Set(['switchover', 'peer-active', 'peer-standby', 'reset']);
