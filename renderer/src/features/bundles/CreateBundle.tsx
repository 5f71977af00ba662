import { useState } from 'react';
import { useStore } from '../../store/index';
import { fromBase64, saveFile } from '../console/download';

/** Sign a bundle from the pair being edited, a pair file, or one per row of an inventory CSV. */
export function CreateBundle() {
  const doc = useStore((s) => s.editor.doc);
  const valid = useStore((s) => s.editor.valid);
  const create = useStore((s) => s.createBundle);
  const created = useStore((s) => s.created);
  const error = useStore((s) => s.createError);
  const busy = useStore((s) => s.creating);
  const [template, setTemplate] = useState<File | undefined>();
  // Device passwords to seal into the bundle: this form's local state only, cleared after use.
  const [withPasswords, setWithPasswords] = useState(false);
  const [pw, setPw] = useState({ a: '', b: '', passphrase: '', again: '' });
  const pwProblem = !withPasswords
    ? undefined
    : !pw.a || !pw.b
      ? 'Type both device passwords.'
      : pw.passphrase.length < 8
        ? 'The bundle passphrase needs 8 characters or more.'
        : pw.passphrase !== pw.again
          ? 'The two passphrases differ.'
          : undefined;
  const secrets = () => (withPasswords ? { secrets: { passphrase: pw.passphrase, a: pw.a, b: pw.b } } : {});

  const run = async (input: Parameters<typeof create>[0]) => {
    const file = await create(input);
    if (file) saveFile(file.name, fromBase64(file.data));
    if (file && withPasswords) setPw({ a: '', b: '', passphrase: '', again: '' });
  };
  const fromPairFile = async (f: File | undefined) => f && (await run({ text: await f.text(), ...secrets() }));
  const fromInventory = async (f: File | undefined) => f && (await run({ inventory: await f.text(), ...(template ? { template: await template.text() } : {}) }));

  return (
    <section className="card" aria-label="Create a bundle">
      <h2>Create</h2>
      <p className="muted small">A signed .hpb carries the pair, its platform pack, both device scripts, their undo scripts and what verification must see.</p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy || !doc || valid === false || pwProblem !== undefined} onClick={() => void run({ text: JSON.stringify(doc), ...secrets() })} title={valid === false ? 'The pair has errors: fix them on Pairing first' : undefined}>
          Bundle the current pair
        </button>
        <label className="inline">
          Pair file <input type="file" accept=".yaml,.yml,.json" disabled={busy || pwProblem !== undefined} onChange={(e) => void fromPairFile(e.target.files?.[0])} />
        </label>
      </div>
      {!doc && <p className="muted small">To bundle the current pair, open or create one on Pairing first; or pick a pair file.</p>}
      <fieldset className={withPasswords ? 'section' : 'section collapsed'}>
        <legend>
          <label className="inline">
            <input type="checkbox" checked={withPasswords} onChange={(e) => setWithPasswords(e.target.checked)} /> Include device passwords (encrypted with a passphrase)
          </label>
        </legend>
        {withPasswords && (
          <div className="two-col">
            {(['a', 'b'] as const).map((k) => (
              <label key={k} className="field">
                Device {k.toUpperCase()} password
                <input type="password" autoComplete="off" value={pw[k]} onChange={(e) => setPw({ ...pw, [k]: e.target.value })} />
              </label>
            ))}
            <label className="field">
              Bundle passphrase
              <input type="password" autoComplete="new-password" value={pw.passphrase} onChange={(e) => setPw({ ...pw, passphrase: e.target.value })} />
            </label>
            <label className="field">
              Passphrase again
              <input type="password" autoComplete="new-password" value={pw.again} onChange={(e) => setPw({ ...pw, again: e.target.value })} />
            </label>
            {pwProblem && <p className="error-text small">{pwProblem}</p>}
          </div>
        )}
      </fieldset>
      <p className="muted small">Or one bundle per row of an inventory CSV, each row merged over an optional template pair file:</p>
      <div className="button-row">
        <label className="inline">
          Template (optional) <input type="file" accept=".yaml,.yml,.json" disabled={busy} onChange={(e) => setTemplate(e.target.files?.[0])} />
        </label>
        <label className="inline">
          Inventory CSV <input type="file" accept=".csv" disabled={busy} onChange={(e) => void fromInventory(e.target.files?.[0])} />
        </label>
      </div>
      {busy && <p role="status">Signing…</p>}
      {error && (
        <p className="error-text" role="alert">
          {error.message} {error.fix}
        </p>
      )}
      {created && (
        <div role="status" aria-label="Bundle created">
          <p>
            <strong>{created.name}</strong> saved: {created.count} bundle{created.count === 1 ? '' : 's'}
            {created.manifest ? `, pair ${created.manifest.pair.name}, signed by ${created.manifest.signer.fingerprint}` : ''}.
          </p>
          {created.refused.length > 0 && (
            <details open>
              <summary>{created.refused.length} inventory rows refused</summary>
              <ul className="small">
                {created.refused.slice(0, 100).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
