import Link from 'next/link';
import { Breadcrumb } from '@/components/Breadcrumb';
import type { Comparison } from '@/lib/compare';
import { LevelItems } from './ItemList';

/**
 * One competency of one series at Entry, Mid and Senior side by side. Each career level is its own
 * section (a screen reader reads one card at a time; a narrow screen stacks them); on a wide
 * screen a subgrid lines the proficiency levels up across the three.
 */
export function CompareView({ c }: { c: Comparison }) {
  const missing = c.columns.filter((col) => !col.card).map((col) => col.level);
  const rowCount = 1 + c.rows.length;
  return (
    <div className="grid-container compare-page">
      <Breadcrumb current="Compare career levels" />
      <h1>{c.competency}: career levels compared</h1>
      <p className="usa-intro">
        Job series {c.seriesCode} {c.seriesTitle}. What each proficiency level looks like at Entry, Mid and Senior level.
      </p>
      {c.description ? <p className="compare-description">{c.description}</p> : null}
      {missing.length > 0 ? (
        <p>
          This competency has no {missing.join(' or ')} card in series {c.seriesCode}.
        </p>
      ) : null}
      <div className="compare-grid" style={{ ['--compare-rows' as string]: String(rowCount) }}>
        {c.columns.map((col) => (
          <section key={col.level} className={`compare-card${col.card ? '' : ' compare-card--empty'}`} aria-labelledby={`col-${col.level}`}>
            <header className="compare-cell compare-head">
              <h2 id={`col-${col.level}`}>
                {col.level} <span className="compare-gs">({col.gsLabel})</span>
              </h2>
              {col.card ? (
                <Link href={col.card.url}>
                  Open the card<span className="usa-sr-only">: {col.card.title}</span>
                </Link>
              ) : null}
              {col.others.map((other) => (
                <Link key={other.url} href={other.url} className="compare-other">
                  Another version<span className="usa-sr-only">: {other.title}</span>
                </Link>
              ))}
            </header>
            {col.card ? null : (
              <div className="compare-cell compare-missing">
                <p className="compare-none">No {col.level} card for this competency.</p>
              </div>
            )}
            {col.card
              ? c.rows.map((row) => {
                  const cell = row.cells[c.columns.indexOf(col)] ?? null;
                  // A proficiency level this card does not describe keeps its row (for alignment) but says nothing.
                  if (!cell) return <div key={row.level} className="compare-cell compare-level compare-level--absent" aria-hidden="true" />;
                  return (
                    <div key={row.level} className="compare-cell compare-level">
                      <h3>
                        Level {row.level} - {row.name}
                      </h3>
                      <LevelItems behaviors={cell.behaviors} definitions={cell.definitions} />
                    </div>
                  );
                })
              : null}
          </section>
        ))}
      </div>
    </div>
  );
}
