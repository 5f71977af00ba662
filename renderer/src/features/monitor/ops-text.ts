import type { MonitorOp } from '../../../../src/contract/index';

// What each manual operation is called and does lives in the catalogue (app:monitor.ops.op.<op>,
// app:monitor.ops.explain.<op>); core: src/core/provision/ops.ts.

/** Operations that move traffic: their confirm button says so and is styled as a warning. */
export const MOVES_TRAFFIC: ReadonlySet<MonitorOp> = new Set(['switchover', 'peer-active', 'peer-standby', 'reset']);
