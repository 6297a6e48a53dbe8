import type { ScaleLevel } from '@/lib/rating-scale';

/**
 * "Rate yourself": a plain form (it works without JavaScript) posting to /api/ratings, with the
 * 1–5 scale in this competency's own words as the choices (lib/rating-scale.ts). The card pages
 * (static, the same for everyone) and the rating page both show it; a person who is signed out is
 * asked to sign in and comes back with their choice kept.
 */
export function RatingForm({
  slug,
  competency,
  scale,
  selected = null,
  returnTo,
  full = false,
  idPrefix = 'rate',
}: {
  slug: string;
  competency: string;
  scale: readonly ScaleLevel[];
  selected?: number | null;
  returnTo?: string;
  /** Every definition and behavior of each level (the rating page); otherwise its first definition (a card page). */
  full?: boolean;
  idPrefix?: string;
}) {
  return (
    <form method="post" action="/api/ratings" className="rating-form">
      <input type="hidden" name="competency" value={slug} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">
          Your current proficiency in <span className="text-bold">{competency}</span>
        </legend>
        {scale.map((level) => {
          const id = `${idPrefix}-${slug}-${level.level}`;
          const words = full ? level.definitions : level.definitions.slice(0, 1);
          return (
            <div className="usa-radio" key={level.level}>
              <input
                className="usa-radio__input usa-radio__input--tile"
                id={id}
                type="radio"
                name="level"
                value={level.level}
                defaultChecked={selected === level.level}
                required
              />
              <label className="usa-radio__label" htmlFor={id}>
                {level.level} {level.name}
                <span className="usa-checkbox__label-description">
                  {/* A label holds phrasing content only: each definition and behavior is a block-styled span. */}
                  {words.map((w, i) => (
                    <span key={i} className="rating-item">
                      {w}
                    </span>
                  ))}
                  {full && level.behaviors.length > 0 ? (
                    <span className="rating-behaviors">
                      <span className="rating-item">For example:</span>
                      {level.behaviors.map((b, i) => (
                        <span key={i} className="rating-item rating-item--bullet">
                          {b}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>
      <button type="submit" className="usa-button">
        Save my rating<span className="usa-sr-only"> of {competency}</span>
      </button>
    </form>
  );
}
