/** What a page that needs the database shows while it does not answer (lib/db/errors.ts). */
export function DatabaseUnavailable({ title }: { title: string }) {
  return (
    <div className="grid-container page-section">
      <h1>{title}</h1>
      <div className="usa-alert usa-alert--warning" role="alert">
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">This page is not available right now</h2>
          <p className="usa-alert__text">
            The portal’s database is not answering, so your plan, ratings and profile cannot be shown or changed. Nothing you saved is lost. The competency
            cards, courses and downloads still work. Try again in a minute.
          </p>
        </div>
      </div>
    </div>
  );
}
