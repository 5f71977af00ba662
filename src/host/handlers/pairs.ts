import { AppError } from '../../core/base/errors';
import { pairJsonSchema } from '../../core/model/schema';
import { renderPair, scriptText } from '../../core/render/render';
import type { RenderedScript } from '../../core/render/types';
import { renderUndo } from '../../core/render/undo';
import type { Handlers } from '../types';
import { parse as parseCsv } from 'csv-parse/sync';
import { inventoryToPairInputs } from '../../core/bundle/inventory';
import { checkPairText, openPairDoc, requireValidPair } from '../pair-text';

const lines = (s: RenderedScript) => s.lines.map((l) => ({ text: l.text, stage: l.stage, verified: l.verified }));

/** pairs.* over the core: the same loader, rules and renderer as `hotpair validate/render`. */
export function pairsHandlers(): Handlers {
  let schemaCache: Record<string, unknown> | undefined;
  return {
    'pairs.validate': ({ text }) => {
      const { diagnostics, checked } = checkPairText(text);
      return { diagnostics, valid: !diagnostics.some((d) => d.severity === 'error'), checked };
    },
    'pairs.render': ({ text }) => {
      const { pair, pack } = requireValidPair(text, 'unrendered', 'beside');
      const rendered = renderPair(pair, pack);
      const undo = renderUndo(pair, pack, rendered);
      return {
        devices: {
          a: { lines: lines(rendered.a), undo: scriptText(undo.a) },
          b: { lines: lines(rendered.b), undo: scriptText(undo.b) },
        },
      };
    },
    'pairs.schema': () => ({ schema: (schemaCache ??= pairJsonSchema()) }),
    'pairs.open': ({ name, text }) => ({ doc: openPairDoc(name, text) }),
    'pairs.inventory': ({ csv, template }) => {
      let rows: Record<string, string>[];
      try {
        rows = parseCsv(csv, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
      } catch (e) {
        const reason = (e as Error).message;
        throw new AppError('VALIDATION', `The inventory is not valid CSV: ${reason}`, {
          fix: 'One header row of dotted pair-file paths (name, devices.a.sysname, …), then one row per pair.',
          message: { key: 'host.inventory-csv', params: { reason } },
        });
      }
      const { pairs, errors } = inventoryToPairInputs(rows, template ? openPairDoc('template', template) : {});
      return {
        pairs: pairs.map(({ row, input }) => ({ row, name: typeof input.name === 'string' ? input.name : `row ${row}`, doc: input })),
        errors: errors.map((e) => ({ row: e.row, message: e.message, said: e.said, ...(e.column ? { column: e.column } : {}) })),
      };
    },
  };
}
