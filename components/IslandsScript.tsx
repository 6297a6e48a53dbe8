import Script from 'next/script';

/**
 * The static pages' script (islands/static-pages.ts), for a card or compare page that Next renders
 * (in development): the same behaviour as on the static files.
 */
export function IslandsScript() {
  return <Script src="/assets/islands.js" strategy="afterInteractive" />;
}
