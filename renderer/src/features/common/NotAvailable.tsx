/** A screen whose core is not built yet: say what it will do and what is missing, show no fake data. */
export function NotAvailable({ title, purpose, missing }: { title: string; purpose: string; missing: string }) {
  return (
    <div className="screen">
      <header className="screen-head">
        <h1>{title}</h1>
      </header>
      <section className="card not-available" role="note">
        <p>{purpose}</p>
        <p>
          <strong>Not available yet:</strong> {missing}
        </p>
      </section>
    </div>
  );
}
