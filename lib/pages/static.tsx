/**
 * The content pages — one per card, one per compare view — as plain HTML documents, rendered
 * with React's static markup from the same components the app uses, and no React in the browser:
 * no inline script, no RSC payload, so they are small, cacheable, served as files (by the portal's
 * server, or by nginx in front of it) and need no per-page CSP hashes. Their few interactive parts
 * (the gov banner, the account link, "Add to my plan", the course filter) are one small script
 * (islands/static-pages.ts). ADR 0013.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CardView } from '@/components/cards/CardView';
import { CompareView } from '@/components/cards/CompareView';
import { SiteShell } from '@/components/SiteShell';
import type { Card, CardCourses } from '@/lib/cards';
import type { Comparison } from '@/lib/compare';
import { compareDescription, compareTitle, metaDescription, SITE } from './meta';

export interface PageAssets {
  /** The site's stylesheet(s), as Next built them. */
  readonly css: readonly string[];
  /** The islands script. */
  readonly script: string;
  /** Fonts the first paint needs. */
  readonly fonts: readonly string[];
}

function Document({ title, description, assets, children }: { title: string; description: string; assets: PageAssets; children: ReactNode }) {
  return (
    <html lang="en" data-static-page="">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${SITE}`}</title>
        <meta name="description" content={description} />
        <link rel="icon" href="/favicon.ico" sizes="any" />
        {assets.fonts.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="" />
        ))}
        {assets.css.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <script src={assets.script} defer />
      </head>
      <body>
        <SiteShell>{children}</SiteShell>
      </body>
    </html>
  );
}

function render(title: string, description: string, assets: PageAssets, content: ReactNode): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <Document title={title} description={description} assets={assets}>
      {content}
    </Document>,
  )}`;
}

export function cardPageHtml(card: Card, siblings: readonly Card[], courses: CardCourses, assets: PageAssets): string {
  return render(card.title, metaDescription(card.description), assets, <CardView card={card} siblings={siblings} courses={courses} />);
}

export function comparePageHtml(c: Comparison, assets: PageAssets): string {
  return render(compareTitle(c), compareDescription(c), assets, <CompareView c={c} />);
}
