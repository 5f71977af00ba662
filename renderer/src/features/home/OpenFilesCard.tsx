import type { ChangeEvent } from 'react';
import { useStore } from '../../store/index';
import '../common/panels.css';

/** Read the picked file as text and clear the input, so picking the same file again reloads it. */
async function pickedText(e: ChangeEvent<HTMLInputElement>): Promise<{ name: string; text: string } | undefined> {
  const file = e.target.files?.[0];
  e.target.value = '';
  return file ? { name: file.name, text: await file.text() } : undefined;
}

/** Home: the engineer's own pairs, from a pair file or an inventory of many sites. */
export function OpenFilesCard() {
  const inventory = useStore((s) => s.inventory);
  const error = useStore((s) => s.openError);
  const openPairFile = useStore((s) => s.openPairFile);
  const openInventory = useStore((s) => s.openInventory);
  const openRow = useStore((s) => s.openInventoryRow);
  return (
    <section className="card" aria-label="Your pairs">
      <h2>Your pairs</h2>
      <p className="muted">Open a pair file (YAML or JSON), or an inventory CSV with one pair per row.</p>
      <div className="button-row">
        <label className="button-like">
          Open a pair file…
          <input type="file" accept=".yaml,.yml,.json" className="visually-hidden" aria-label="Open a pair file" onChange={(e) => void pickedText(e).then((f) => f && openPairFile(f.name, f.text))} />
        </label>
        <label className="button-like">
          Open an inventory…
          <input type="file" accept=".csv,text/csv" className="visually-hidden" aria-label="Open an inventory" onChange={(e) => void pickedText(e).then((f) => f && openInventory(f.name, f.text))} />
        </label>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error.message}
          {error.fix && <span className="muted"> {error.fix}</span>}
        </p>
      )}
      {inventory && (
        <>
          <h3>
            {inventory.source}: {inventory.pairs.length} pair{inventory.pairs.length === 1 ? '' : 's'}
          </h3>
          <ul className="examples">
            {inventory.pairs.map((p) => (
              <li key={p.row}>
                <button type="button" className="link" onClick={() => openRow(p.row)}>
                  {p.name}
                </button>
                <span className="muted"> row {p.row}</span>
              </li>
            ))}
          </ul>
          {inventory.errors.map((e) => (
            <p key={`${e.row}-${e.column ?? ''}`} className="error-text">
              row {e.row}
              {e.column ? ` column ${e.column}` : ''}: {e.message}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
