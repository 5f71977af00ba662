import { AppError } from '../../core/base/errors';
import { pairJsonSchema } from '../../core/model/schema';
import { comware7 } from '../../core/platforms/comware7';
import { renderPair, scriptText } from '../../core/render/render';
import type { RenderedScript } from '../../core/render/types';
import { renderUndo } from '../../core/render/undo';
import type { Handlers } from '../types';
import { checkPairText } from '../pair-text';

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
  };
}
