import { z } from 'zod';
import { Empty, PairTextSchema } from '../common';

// Planned (issue 6: the RBM monitor).

export const MonitorEventSchema = z.strictObject({
  pair: z.string(),
  time: z.string(),
  kind: z.enum(['channel-up', 'channel-down', 'switchover', 'consistency', 'config-sync', 'unreachable', 'reachable', 'alert']),
  device: z.enum(['a', 'b']).optional(),
  cause: z.string().optional(),
  source: z.enum(['poll', 'log', 'both']).optional(),
  detail: z.string().optional(),
});
export type MonitorEvent = z.infer<typeof MonitorEventSchema>;

const SideHealth = z.strictObject({
  controlChannel: z.enum(['Connected', 'Disconnected', 'Unknown']),
  runningStatus: z.enum(['Initial', 'Active', 'Standby', 'Unknown']),
  role: z.enum(['primary', 'secondary']).optional(),
});

export const PairHealthSchema = z.strictObject({
  pair: z.string(),
  a: SideHealth,
  b: SideHealth,
  consistency: z.enum(['Not Performed', 'Consistent', 'Inconsistent', 'Unknown']),
  lastSwitchover: z.string().optional(),
});

export const monitorChannels = {
  'monitor.start': {
    input: z.strictObject({ text: PairTextSchema }),
    output: z.strictObject({ pair: z.string() }),
    summary: 'Start polling a pair and receiving its syslog',
  },
  'monitor.stop': { input: z.strictObject({ pair: z.string() }), output: z.strictObject({ stopped: z.boolean() }), summary: 'Stop monitoring a pair' },
  'monitor.snapshot': { input: Empty, output: z.strictObject({ pairs: z.array(PairHealthSchema) }), summary: 'Health of every monitored pair' },
  'monitor.history': {
    input: z.strictObject({ pair: z.string(), since: z.string().optional(), limit: z.number().int().min(1).max(100_000).default(1000) }),
    output: z.strictObject({ events: z.array(MonitorEventSchema) }),
    summary: 'Stored events of a pair',
  },
} as const;
