/**
 * The script of the static content pages (card and compare pages, lib/pages/static.tsx): their few
 * interactive parts, on server-rendered markup, without React. Bundled by scripts/build-server.mjs
 * into public/assets/islands.js. Everything here is an enhancement: without it each part works as
 * a plain link or form.
 */
import banner from '@uswds/uswds/js/usa-banner';
import { forgetAddressParams } from '../lib/forget-address-params';

interface Me {
  signedIn: boolean;
  name?: string;
}

const staticPage = document.documentElement.hasAttribute('data-static-page');

/** The person (signed in or not), asked once. */
let me: Promise<Me> | null = null;
const whoAmI = (): Promise<Me> =>
  (me ??= fetch('/api/me', { cache: 'no-store', headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<Me>) : { signedIn: false }))
    .catch(() => ({ signedIn: false })));

/**
 * Runs `work` once the page has painted: the page's own content comes first, on a phone's slow
 * network too; what only a signed-in person sees (their name, their saved state) follows.
 */
function afterFirstPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** The gov banner's "Here's how you know" and the header's account link (the React app does these on its own pages). */
function shell(): void {
  const root = document.querySelector<HTMLElement>('.usa-banner');
  if (root) banner.on(root);
  afterFirstPaint(
    () =>
      void whoAmI().then((person) => {
        const link = document.querySelector<HTMLAnchorElement>('[data-account-link]');
        if (!link || !person.signedIn) return;
        link.href = '/signout';
        link.textContent = 'Sign out';
        const who = document.createElement('span');
        who.className = 'usa-sr-only';
        who.textContent = ` (${person.name ?? 'you'})`;
        link.append(who);
      }),
  );
}

/** "Add to my plan": the saved state, and a toggle in place (optimistic, put back with a message if refused). */
function bookmarks(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-bookmark]')) {
    const permalink = form.dataset.bookmark ?? '';
    const button = form.querySelector<HTMLButtonElement>('[data-bookmark-button]');
    const label = form.querySelector<HTMLElement>('[data-bookmark-label]');
    const message = form.querySelector<HTMLElement>('[data-bookmark-message]');
    if (!button || !label || !message) continue;
    let state: 'unknown' | 'signed-out' | boolean = 'unknown';
    const show = (bookmarked: boolean) => {
      state = bookmarked;
      label.textContent = bookmarked ? 'In my plan' : 'Add to my plan';
      button.setAttribute('aria-pressed', String(bookmarked));
      button.classList.toggle('usa-button--outline', !bookmarked);
    };
    afterFirstPaint(() => {
      fetch(`/api/bookmarks/status?permalink=${encodeURIComponent(permalink)}`, { headers: { Accept: 'application/json' }, cache: 'no-store' })
        .then(async (r) => {
          if (!r.ok) return;
          const status = (await r.json()) as { signedIn: boolean; bookmarked?: boolean };
          if (status.signedIn) show(status.bookmarked === true);
          else state = 'signed-out';
        })
        .catch(() => undefined);
    });
    form.addEventListener('submit', (event) => {
      if (typeof state !== 'boolean') return; // signed out or unknown: the form POST leads to sign-in
      event.preventDefault();
      const next = !state;
      show(next);
      message.textContent = next ? 'Added to your plan.' : 'Removed from your plan.';
      fetch('/api/bookmarks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ permalink, intent: next ? 'add' : 'remove' }),
      })
        .then(async (r) => {
          if (r.status === 401) {
            state = 'signed-out';
            show(false);
            message.textContent = 'Your session has ended. Sign in to change your plan.';
            return;
          }
          // The portal's sentence (a 503 while its database does not answer, a 429…) is shown as is.
          if (!r.ok) throw new Error(((await r.json().catch(() => null)) as { error?: string } | null)?.error ?? '');
        })
        .catch((error: unknown) => {
          show(!next);
          message.textContent = (error instanceof Error && error.message) || 'Your plan could not be changed. Try again.';
        });
    });
  }
}

/** The course filter: shown, and wired to hide the courses that do not match. */
function courseFilter(): void {
  const controls = document.querySelector<HTMLElement>('[data-course-filter]');
  const root = controls ? document.getElementById(controls.dataset.courseFilter ?? '') : null;
  if (!controls || !root) return;
  const text = controls.querySelector<HTMLInputElement>('[data-filter="text"]');
  const modality = controls.querySelector<HTMLSelectElement>('[data-filter="modality"]');
  const free = controls.querySelector<HTMLInputElement>('[data-filter="free"]');
  const count = controls.querySelector<HTMLElement>('[data-filter="count"]');
  const total = Number(count?.dataset.total ?? '0');
  const apply = () => {
    const words = (text?.value ?? '').toLowerCase().split(/\s+/u).filter(Boolean);
    const format = modality?.value ?? '';
    const freeOnly = free?.checked ?? false;
    const filtering = words.length > 0 || format !== '' || freeOnly;
    let shown = 0;
    for (const item of root.querySelectorAll<HTMLElement>('[data-course]')) {
      const match =
        words.every((w) => (item.dataset.text ?? '').includes(w)) &&
        (format === '' || item.dataset.modality === format) &&
        (!freeOnly || item.dataset.free === '1');
      item.hidden = !match;
      if (match) shown++;
    }
    if (filtering) for (const details of root.querySelectorAll<HTMLDetailsElement>('details.course-more')) details.open = true;
    for (const group of root.querySelectorAll<HTMLElement>('.course-group'))
      group.hidden = filtering && group.querySelector('[data-course]:not([hidden])') === null;
    if (count) count.textContent = shown === total ? `Showing all ${total} courses.` : `${shown} of ${total} courses match.`;
  };
  text?.addEventListener('input', apply);
  modality?.addEventListener('change', apply);
  free?.addEventListener('change', apply);
  controls.hidden = false;
}

/** A "saved" message in the address (a form posted without script) is shown once: a reload does not bring it back. */
function forgetSavedMessage(): void {
  const url = new URL(window.location.href);
  const saved = url.searchParams.get('saved');
  if (saved === null) return;
  const message = document.querySelector<HTMLElement>('[data-bookmark-message]');
  if (message && (saved === 'added' || saved === 'removed')) message.textContent = saved === 'added' ? 'Added to your plan.' : 'Removed from your plan.';
  forgetAddressParams(['saved']);
}

/** Printing: every folded course list prints open (and folds back after), for browsers without `::details-content`. */
function printAll(): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('details.course-more:not([open])')];
    for (const details of opened) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}

if (staticPage) shell();
printAll();
bookmarks();
courseFilter();
forgetSavedMessage();
