import { CONFIG_DISPLAYS } from '../display/config';
import { NETWORK_DISPLAYS } from '../display/network';
import { RBM_DISPLAYS } from '../display/rbm';
import { SYSTEM_DISPLAYS } from '../display/system';
import type { CommandSpec, PackBindings } from '../types';
import { INTERFACE_BINDINGS, INTERFACE_COMMANDS } from './interface-view';
import { RBM_BINDINGS } from './rbm-view';
import { SESSION_COMMANDS } from './session';
import { OBJECT_GROUP_COMMANDS } from './object-group';
import { LUSER_COMMANDS, SYSTEM_BINDINGS, SYSTEM_COMMANDS } from './system-view';

export { COMMIT_DELAY_BINDINGS } from './system-view';

/** The commands the platform pack does not have, written in the lab's own syntax, one table per family. */
export const LAB_COMMANDS: readonly CommandSpec[] = [
  ...SESSION_COMMANDS,
  ...SYSTEM_COMMANDS,
  ...LUSER_COMMANDS,
  ...INTERFACE_COMMANDS,
  ...OBJECT_GROUP_COMMANDS,
  ...CONFIG_DISPLAYS,
  ...SYSTEM_DISPLAYS,
  ...NETWORK_DISPLAYS,
  ...RBM_DISPLAYS,
];

/** What each platform-pack command does in the lab, by command id; the syntax is the pack's. */
export const PACK_BINDINGS: PackBindings = { ...SYSTEM_BINDINGS, ...INTERFACE_BINDINGS, ...RBM_BINDINGS };
