'use client';

import { useEffect } from 'react';

/**
 * A one-time message carried in the address by a plain form's redirect (`?saved=…`) is shown
 * once: after the page has shown it, the parameters leave the address, so a reload or a bookmark
 * of the page does not bring the message back.
 */
export function ForgetMessage({ params }: { params: readonly string[] }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    let changed = false;
    for (const name of params) {
      if (url.searchParams.has(name)) {
        url.searchParams.delete(name);
        changed = true;
      }
    }
    if (changed) window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }, [params]);
  return null;
}
