import status from '@/.content-status.json';

interface Shown {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
  readonly severity: string;
}

/**
 * In development only (`npm run dev`): the content errors of the last save, as the terminal prints
 * them (`file:line: field: message`), above every page. The content step writes them to
 * `.content-status.json` (scripts/content-build.ts); `next dev` refreshes the page when that file
 * changes, so a broken card shows here within a moment of saving it, and goes when it is fixed.
 * The pages keep the last content that was right meanwhile. A production build has no errors to
 * show: it stops at the first.
 */
export function ContentProblems() {
  if (process.env.NODE_ENV !== 'development') return null;
  const errors = (status.problems as readonly Shown[]).filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  return (
    <div className="grid-container">
      <div className="usa-alert usa-alert--error content-problems" role="alert">
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">
            {errors.length === 1 ? 'A content file has an error' : `Content files have ${errors.length} errors`}: this page shows the last content that was
            right
          </h2>
          <ul className="usa-list">
            {errors.map((p) => (
              <li key={`${p.file}:${p.line}:${p.field}:${p.message}`}>
                <code>{`${p.file}:${p.line}: ${p.field}: ${p.message}`}</code>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
