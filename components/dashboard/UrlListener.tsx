'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * Reports the address' query whenever it changes — Back and Forward, a link such as the header's
 * "Competency cards", or the first render — so that the form and results always follow the
 * address. Rendered inside <Suspense>: it has no markup, so a prerendered page loses nothing.
 * It reports a query once, however often the callback changes.
 */
export function UrlListener({ onAddress }: { onAddress: (query: string) => void }) {
  const query = useSearchParams().toString();
  const callback = useRef(onAddress);
  useEffect(() => {
    callback.current = onAddress;
  }, [onAddress]);
  useEffect(() => callback.current(query), [query]);
  return null;
}
