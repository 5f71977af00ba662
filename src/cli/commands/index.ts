import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

/**
 * Command name → its module, loaded on demand: `hotpair validate` must not pay for ssh2,
 * serialport, SQLite and the lab, and one command's broken dependency must not take down the
 * others. Only `--help` (or an unknown name) loads them all.
 */
export const commandModules: Record<string, () => Promise<RegisterCommand>> = {
  bundle: async () => (await import('./bundle')).registerBundle,
  connect: async () => (await import('./connect')).registerConnect,
  discover: async () => (await import('./discover')).registerDiscover,
  drill: async () => (await import('./drill')).registerDrill,
  history: async () => (await import('./history')).registerHistory,
  journal: async () => (await import('./journal')).registerJournal,
  lab: async () => (await import('./lab')).registerLab,
  monitor: async () => (await import('./monitor')).registerMonitor,
  op: async () => (await import('./op')).registerOp,
  pack: async () => (await import('./pack')).registerPack,
  pair: async () => (await import('./pair')).registerPair,
  ports: async () => (await import('./ports')).registerPorts,
  probe: async () => (await import('./probe')).registerProbe,
  recover: async () => (await import('./recover')).registerRecover,
  render: async () => (await import('./render')).registerRender,
  report: async () => (await import('./report')).registerReport,
  schema: async () => (await import('./schema')).registerSchema,
  serve: async () => (await import('./serve')).registerServe,
  validate: async () => (await import('./validate')).registerValidate,
};
