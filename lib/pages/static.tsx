/**
 * The content pages — one per card, one per compare view, one per course — as plain HTML documents, rendered
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
import { CourseView } from '@/components/courses/CourseView';
import { SiteShell } from '@/components/SiteShell';
import type { Card, CardCourses, Course } from '@/lib/cards';
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
      {/* A static page rendered outside Next: a plain <head> is right here. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
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

export function coursePageHtml(course: Course, cards: readonly Card[], assets: PageAssets): string {
  return render(course.title, metaDescription(course.description || course.title), assets, <CourseView course={course} cards={cards} />);
}

/** Stand-ins in the error page template, replaced (escaped) per answer by lib/http/respond.ts. */
export const ERROR_TITLE = '__FM_ERROR_TITLE__';
export const ERROR_MESSAGE = '__FM_ERROR_MESSAGE__';

/**
 * The page a browser gets when a plain form or a link is refused (a 4xx from a route handler: a
 * local sign-in without a name, an export with nothing selected): the site's shell and styles, the
 * sentence in a USWDS error alert, and the ways on. Written once at build time as a template.
 */
export function errorPageTemplate(assets: PageAssets): string {
  return render(
    ERROR_TITLE,
    ERROR_MESSAGE,
    assets,
    <div className="grid-container page-section">
      <h1>{ERROR_TITLE}</h1>
      <div className="usa-alert usa-alert--error" role="alert">
        <div className="usa-alert__body">
          <p className="usa-alert__text">{ERROR_MESSAGE}</p>
        </div>
      </div>
      <p>Use your browser’s Back button to return to the form: what you entered is still there.</p>
      {/* A static page rendered outside Next's router: plain links are right here. */}
      {/* eslint-disable @next/next/no-html-link-for-pages */}
      <ul className="usa-list">
        <li>
          <a href="/cards">Browse the competency cards</a>
        </li>
        <li>
          <a href="/plan">Go to my plan</a>
        </li>
      </ul>
      {/* eslint-enable @next/next/no-html-link-for-pages */}
    </div>,
  );
}
