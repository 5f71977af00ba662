import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

// One line per command module; keep alphabetical to ease parallel edits.
export const commands: RegisterCommand[] = [];
