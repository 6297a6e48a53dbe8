/**
 * "Add to my plan" on a static page: a plain form that works without JavaScript (it toggles the
 * bookmark and comes back, going through sign-in when needed). The page's script (islands/) reads
 * the saved state and toggles in place; the dashboard's rows use the React BookmarkButton instead.
 */
export function BookmarkForm({ permalink, title, returnTo }: { permalink: string; title: string; returnTo: string }) {
  return (
    <form method="post" action="/api/bookmarks" className="bookmark" data-bookmark={permalink}>
      <input type="hidden" name="permalink" value={permalink} />
      <input type="hidden" name="intent" value="toggle" />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="usa-button usa-button--outline usa-button--small" data-bookmark-button="">
        <span data-bookmark-label="">Add to my plan</span>
        <span className="usa-sr-only">: {title}</span>
      </button>
      <span role="status" aria-live="polite" className="bookmark-message" data-bookmark-message="" />
    </form>
  );
}
