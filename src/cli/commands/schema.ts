import type { Command } from 'commander';
import { pairJsonSchemaText } from '../../core/model/schema';
import { t } from '../i18n';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description(t('schema.desc'))
    .action(() => {
      process.stdout.write(pairJsonSchemaText());
    });
}
