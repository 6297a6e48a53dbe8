'use client';

import { useEffect, useState, type FormEvent } from 'react';

type State = { kind: 'unknown' } | { kind: 'signed-out' } | { kind: 'ready'; bookmarked: boolean };

/**
 * "Add to my plan". Without JavaScript it is a form POST that toggles the bookmark and comes back
 * (or goes to sign-in first). With JavaScript it shows the saved state, and toggles at once
 * (optimistically), putting it back with a message if the server refuses.
 */
export function BookmarkButton({
  permalink,
  title,
  returnTo,
  initial,
  onChange,
}: {
  permalink: string;
  title: string;
  returnTo: string;
  /** Known state (the dashboard passes it); when absent the button asks the server. */
  initial?: { signedIn: boolean; bookmarked: boolean };
  onChange?: (bookmarked: boolean) => void;
}) {
  const [state, setState] = useState<State>(
    initial ? (initial.signedIn ? { kind: 'ready', bookmarked: initial.bookmarked } : { kind: 'signed-out' }) : { kind: 'unknown' },
  );
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (initial) return;
    let live = true;
    fetch(`/api/bookmarks/status?permalink=${encodeURIComponent(permalink)}`, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(async (r) => {
        if (!live || !r.ok) return;
        const status = (await r.json()) as { signedIn: boolean; bookmarked?: boolean };
        setState(status.signedIn ? { kind: 'ready', bookmarked: status.bookmarked === true } : { kind: 'signed-out' });
      })
      .catch(() => {
        // The plain form keeps working.
      });
    return () => {
      live = false;
    };
  }, [permalink, initial]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    if (state.kind !== 'ready') return; // signed out or unknown: the form POST leads to sign-in
    event.preventDefault();
    const next = !state.bookmarked;
    setState({ kind: 'ready', bookmarked: next });
    onChange?.(next);
    setMessage(next ? 'Added to your plan.' : 'Removed from your plan.');
    try {
      const r = await fetch('/api/bookmarks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ permalink, intent: next ? 'add' : 'remove' }),
      });
      if (r.status === 401) {
        setState({ kind: 'signed-out' });
        setMessage('Your session has ended. Sign in to change your plan.');
        return;
      }
      if (!r.ok) throw new Error(String(r.status));
    } catch {
      setState({ kind: 'ready', bookmarked: !next });
      onChange?.(!next);
      setMessage('Your plan could not be changed. Try again.');
    }
  };

  const bookmarked = state.kind === 'ready' && state.bookmarked;
  return (
    <form method="post" action="/api/bookmarks" onSubmit={onSubmit} className="bookmark">
      <input type="hidden" name="permalink" value={permalink} />
      <input type="hidden" name="intent" value="toggle" />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        className={`usa-button ${bookmarked ? '' : 'usa-button--outline'} usa-button--small`}
        aria-pressed={state.kind === 'ready' ? bookmarked : undefined}
      >
        {bookmarked ? 'In my plan' : 'Add to my plan'}
        <span className="usa-sr-only">{`: ${title}`}</span>
      </button>
      <span role="status" aria-live="polite" className="bookmark-message">
        {message}
      </span>
    </form>
  );
}
