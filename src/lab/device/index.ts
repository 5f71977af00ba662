/** The simulated device: what src/lab/rbm, the hosts and the `lab` command import. */
export { LabDevice, type LabDeviceOptions, type LabUser } from './device';
export { openTerminal, type TerminalOptions } from './terminal';
export type * from './seam';
