import { z } from 'zod';
import type { MonitorEvent as CoreMonitorEvent } from '../../core/monitor/types';
import type { PairHealth as CorePairHealth } from '../../core/monitor/health';
import { DeviceKeySchema, Empty, OpIdSchema, PairTextSchema } from '../common';
import { MessageParamsSchema, MessageSchema } from '../errors';

// The RBM monitor as the app sees it. Events and health mirror src/core/monitor exactly
// (checked at compile time below), so the host passes core's objects through without reshaping.

const Running = z.enum(['Initial', 'Active', 'Standby']);
const SeenBy = z.enum(['poll', 'log', 'both']);
const Consistency = z.enum(['Not Performed', 'Consistent', 'Inconsistent']);
const base = { id: z.string(), rev: z.number().int().min(0), pair: z.string(), time: z.number() };

export const MonitorEventSchema = z.union([
  z.strictObject({ ...base, kind: z.enum(['channel-down', 'channel-up']), device: DeviceKeySchema, channel: z.enum(['control', 'data']), seenBy: SeenBy }),
  z.strictObject({ ...base, kind: z.literal('switchover'), device: DeviceKeySchema, from: Running, to: Running, cause: z.string(), seenBy: SeenBy, deviceTime: z.string().optional() }),
  z.strictObject({ ...base, kind: z.literal('consistency'), device: DeviceKeySchema, result: Consistency, seenBy: SeenBy, detail: z.string().optional() }),
  z.strictObject({ ...base, kind: z.literal('config-sync'), device: DeviceKeySchema, status: z.enum(['started', 'finished', 'failed']), detail: z.string() }),
  z.strictObject({ ...base, kind: z.literal('vrrp'), device: DeviceKeySchema, interface: z.string().optional(), vrid: z.number().int(), from: z.string(), to: z.string() }),
  z.strictObject({ ...base, kind: z.literal('device-unreachable'), device: DeviceKeySchema, error: z.string() }),
  z.strictObject({ ...base, kind: z.literal('device-back'), device: DeviceKeySchema, downForMs: z.number() }),
  z.strictObject({
    ...base,
    kind: z.literal('alert'),
    rule: z.enum(['channel-down', 'unexpected-switchover', 'inconsistent-config', 'flapping']),
    severity: z.enum(['warning', 'critical']),
    message: z.string(),
    device: DeviceKeySchema.optional(),
    cause: z.string().optional(),
    /** What `message` is formatted from in the reader's language (core catalogue monitor.alert.<rule>). */
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('drill'),
    drill: z.enum(['switchover', 'link']),
    interface: z.string().optional(),
    outcome: z.enum(['passed', 'failed', 'refused', 'declined']),
    message: z.string(),
    /** `message` as a message of the core catalogue (drillRun.*), for the reader's language. */
    said: z.strictObject({ code: z.string(), params: MessageParamsSchema.optional() }).optional(),
    switchoverMs: z.number().optional(),
    interruptionMs: z.number().optional(),
    failedProbes: z.number().int().optional(),
    sessionsPreservedPct: z.number().optional(),
    journal: z.string().optional(),
  }),
]);
export type MonitorEvent = z.infer<typeof MonitorEventSchema>;
export type MonitorEventKind = MonitorEvent['kind'];

const DeviceHealthSchema = z.strictObject({
  key: DeviceKeySchema,
  sysname: z.string().optional(),
  reachable: z.boolean().optional(),
  lastSeen: z.number().optional(),
  unreachableSince: z.number().optional(),
  lastError: z.string().optional(),
  role: z.enum(['primary', 'secondary']).optional(),
  runningStatus: Running.optional(),
  controlChannel: z.enum(['Connected', 'Disconnected']).optional(),
  dataChannelInterface: z.string().optional(),
  dataChannelState: z.enum(['Up', 'Down']).optional(),
  keepalive: z.strictObject({ interval: z.number(), count: z.number() }).optional(),
  consistency: z.strictObject({ result: Consistency, time: z.number() }).optional(),
  sessions: z
    .strictObject({ total: z.number(), createdLocally: z.number().optional(), receivedFromPeer: z.number().optional(), sentToPeer: z.number().optional() })
    .optional(),
  vrrp: z.array(z.strictObject({ interface: z.string(), vrid: z.number(), state: z.string() })),
  tracks: z.array(z.strictObject({ id: z.number(), state: z.string() })),
  switchoverCount: z.number().int(),
  lastSwitchover: z.number().optional(),
});
export type DeviceHealth = z.infer<typeof DeviceHealthSchema>;

export const PairHealthSchema = z.strictObject({
  pair: z.string(),
  devices: z.strictObject({ a: DeviceHealthSchema, b: DeviceHealthSchema }),
  lastSwitchover: z.strictObject({ time: z.number(), device: DeviceKeySchema, from: Running, to: Running, cause: z.string() }).optional(),
  channelDownSince: z.number().optional(),
});
export type PairHealth = z.infer<typeof PairHealthSchema>;

// Drift guard: core's objects must fit these schemas' types (the host passes them through).
const _eventsFit: [CoreMonitorEvent] extends [MonitorEvent] ? true : never = true;
const _healthFits: [CorePairHealth] extends [PairHealth] ? true : never = true;

/** Manual operations (src/core/provision/ops.ts); peer-active/standby only in dual-active mode. */
export const MONITOR_OPS = ['check', 'sync', 'switchover', 'peer-active', 'peer-standby', 'reset'] as const;
export const MonitorOpSchema = z.enum(MONITOR_OPS);
export type MonitorOp = z.infer<typeof MonitorOpSchema>;

/** One monitored pair: what the card shows. */
export const PairStatusSchema = z.strictObject({
  pair: z.string(),
  source: z.enum(['lab', 'file']),
  mode: z.string(),
  /** One word for the card (core's verdict). */
  verdict: z.enum(['healthy', 'degraded', 'down', 'unknown']),
  health: PairHealthSchema,
  /** The operations this pair's mode allows. */
  ops: z.array(MonitorOpSchema),
  intervalSeconds: z.number(),
});
export type PairStatus = z.infer<typeof PairStatusSchema>;

/** One point of the channel-health chart: 1 = up, 0 = down, null = not known (device not answering). */
export const HealthSampleSchema = z.strictObject({ t: z.number(), a: z.number().nullable(), b: z.number().nullable(), data: z.number().nullable() });
export type HealthSample = z.infer<typeof HealthSampleSchema>;

export const MonitorReceiversSchema = z.strictObject({
  /** "udp+tcp 127.0.0.1:5514" when the syslog receiver listens. */
  syslog: z.string().optional(),
  metrics: z.string().optional(),
  /** Problems that do not stop monitoring (port in use, store error), newest last. */
  warnings: z.array(z.string()),
  /** `warnings` as core messages, index for index (null: a warning without one), for the reader's language. */
  warningsSaid: z.array(MessageSchema.nullable()).optional(),
});

export const MonitorSnapshotSchema = z.strictObject({
  pairs: z.array(PairStatusSchema),
  samples: z.record(z.string(), z.array(HealthSampleSchema)),
  receivers: MonitorReceiversSchema,
});
export type MonitorSnapshot = z.infer<typeof MonitorSnapshotSchema>;

/**
 * Pushed at most a few times a second, whatever the event rate: new events and revisions, the
 * status of pairs that changed, new chart points. `stopped` names pairs no longer monitored.
 */
export const MonitorBatchSchema = z.strictObject({
  events: z.array(MonitorEventSchema),
  pairs: z.array(PairStatusSchema),
  samples: z.array(z.strictObject({ pair: z.string(), sample: HealthSampleSchema })),
  stopped: z.array(z.string()),
  receivers: MonitorReceiversSchema.optional(),
});
export type MonitorBatch = z.infer<typeof MonitorBatchSchema>;

const Secret = z.string().max(1024);

export const MonitorStartSchema = z.discriminatedUnion('source', [
  /** The built-in lab pair: the host knows its pair file and credentials. */
  z.strictObject({ source: z.literal('lab') }),
  /** A pair file; passwords (if any) stay in the host's memory while the pair is monitored, never stored. */
  z.strictObject({ source: z.literal('file'), text: PairTextSchema, passwords: z.strictObject({ a: Secret.optional(), b: Secret.optional() }).optional() }),
]);

export const monitorChannels = {
  'monitor.start': {
    input: MonitorStartSchema,
    output: PairStatusSchema,
    summary: 'Start polling a pair (interval and syslog port from settings) and receiving its syslog',
  },
  'monitor.stop': { input: z.strictObject({ pair: z.string() }), output: z.strictObject({ stopped: z.boolean() }), summary: 'Stop monitoring a pair' },
  'monitor.snapshot': { input: Empty, output: MonitorSnapshotSchema, summary: 'Status and chart points of every monitored pair' },
  'monitor.history': {
    input: z.strictObject({ pair: z.string(), since: z.number().optional(), limit: z.number().int().min(1).max(100_000).default(1000) }),
    output: z.strictObject({ events: z.array(MonitorEventSchema) }),
    summary: 'Stored events of a pair (latest revision of each), newest `limit`, oldest first',
  },
  'monitor.op': {
    input: z.strictObject({ opId: OpIdSchema, pair: z.string(), op: MonitorOpSchema, confirmed: z.literal(true) }),
    output: z.strictObject({ op: MonitorOpSchema, device: DeviceKeySchema, verified: z.string(), verifiedSaid: MessageSchema.optional(), output: z.string() }),
    summary: 'A manual RBM operation on a monitored pair, verified afterwards (op: progress + cancel)',
  },
} as const;
