import { AppError } from '../../core/base/errors';
import { pairJsonSchema } from '../../core/model/schema';
import { comware7 } from '../../core/platforms/comware7';
import { renderPair, scriptText } from '../../core/render/render';
import type { RenderedScript } from '../../core/render/types';
import { renderUndo } from '../../core/render/undo';
import type { Handlers } from '../types';
import { parse as parseCsv } from 'csv-parse/sync';
import { inventoryToPairInputs } from '../../core/bundle/inventory';
import { loadPairText } from '../../core/model/load';
import { checkPairText, parseDoc } from '../pair-text';

const isDoc = (d: unknown): d is Record<string, unknown> => d !== null && typeof d === 'object' && !Array.isArray(d);

/** The editor opens any document that parses (its findings then show beside the fields); text that does not parse is refused with where. */
function openDoc(name: string, text: string): Record<string, unknown> {
  const doc = parseDoc(text);
  if (isDoc(doc)) return doc;
  const loaded = loadPairText(text, name);
  const first = loaded.ok ? undefined : loaded.errors[0];
  const where = first?.line ? `${name}:${first.line}:${first.column ?? 1}: ` : `${name}: `;
  throw new AppError('VALIDATION', `${where}${first?.message ?? 'not a pair file (expected a YAML or JSON mapping)'}`, {
    fix: 'Correct the file (a YAML or JSON pair file, as `hotpair schema` describes) and open it again.',
  });
}

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
      const { pair, diagnostics } = checkPairText(text);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (!pair || errors.length > 0)
        throw new AppError('VALIDATION', `The pair file has ${errors.length} error${errors.length === 1 ? '' : 's'}; scripts are rendered only for a valid pair.`, {
          fix: 'Fix the findings shown beside the fields.',
          details: { diagnostics: errors },
        });
      if (pair.platform !== 'comware7') throw new AppError('UNSUPPORTED', `No platform pack "${pair.platform}" in this build.`, { fix: 'Use platform: comware7.' });
      const rendered = renderPair(pair, comware7);
      const undo = renderUndo(pair, comware7, rendered);
      return {
        devices: {
          a: { lines: lines(rendered.a), undo: scriptText(undo.a) },
          b: { lines: lines(rendered.b), undo: scriptText(undo.b) },
        },
      };
    },
    'pairs.schema': () => ({ schema: (schemaCache ??= pairJsonSchema()) }),
    'pairs.open': ({ name, text }) => ({ doc: openDoc(name, text) }),
    'pairs.inventory': ({ csv, template }) => {
      let rows: Record<string, string>[];
      try {
        rows = parseCsv(csv, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
      } catch (e) {
        throw new AppError('VALIDATION', `The inventory is not valid CSV: ${(e as Error).message}`, { fix: 'One header row of dotted pair-file paths (name, devices.a.sysname, …), then one row per pair.' });
      }
      const { pairs, errors } = inventoryToPairInputs(rows, template ? openDoc('template', template) : {});
      return {
        pairs: pairs.map(({ row, input }) => ({ row, name: typeof input.name === 'string' ? input.name : `row ${row}`, doc: input })),
        errors: errors.map((e) => ({ row: e.row, message: e.message, ...(e.column ? { column: e.column } : {}) })),
      };
    },
  };
}
