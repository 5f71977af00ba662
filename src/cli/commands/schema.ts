import type { Command } from 'commander';
import { pairJsonSchemaText } from '../../core/model/schema';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the pair file (for yaml-language-server / editor completion)')
    .action(() => {
      process.stdout.write(pairJsonSchemaText());
    });
}
