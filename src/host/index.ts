export { createHost, type Host } from './host';
export { serveHost, type RunningServer, type ServeOptions } from './http/server';
export type { HostDeps, LabAdapter, LabDeviceInfo, MonitorHostOptions } from './types';
