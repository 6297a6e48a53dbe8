import Link from 'next/link';
import type { ReactNode } from 'react';
import { AccountLink } from './AccountLink';
import { ContentProblems } from './ContentProblems';
import { GovBanner } from './GovBanner';

/** The accessible page shell: skip link, gov banner, header, main landmark, footer and identifier. */
export function SiteShell({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <GovBanner />
      <header className="site-header">
        <div className="grid-container">
          <Link href="/cards" className="site-title">
            FM Career Roadmap
          </Link>
          <nav aria-label="Primary">
            <ul className="site-nav">
              <li>
                <Link href="/cards">Competency cards</Link>
              </li>
              <li>
                <Link href="/courses" prefetch={false}>
                  Courses
                </Link>
              </li>
              <li>
                <Link href="/plan" prefetch={false}>
                  My plan
                </Link>
              </li>
              <li>
                <Link href="/profile" prefetch={false}>
                  Profile
                </Link>
              </li>
              <li>
                <AccountLink />
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main-content" className="site-main" tabIndex={-1}>
        <ContentProblems />
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

function SiteFooter() {
  return (
    <>
      <footer className="usa-footer usa-footer--slim">
        <div className="usa-footer__primary-section">
          <div className="grid-container">
            <p className="footer-note">Competency cards are for career development only. They do not drive hiring, promotion or pay decisions.</p>
          </div>
        </div>
      </footer>
      <div className="usa-identifier">
        <section className="usa-identifier__section usa-identifier__section--masthead" aria-label="Agency identifier">
          <div className="usa-identifier__container">
            <div className="usa-identifier__identity" aria-label="Agency description">
              <p className="usa-identifier__identity-domain">FM Career Roadmap</p>
              <p className="usa-identifier__identity-disclaimer">
                Content from the <a href="https://www.cfo.gov/">Chief Financial Officers Council</a>&rsquo;s career planning cards
              </p>
            </div>
          </div>
        </section>
        <nav className="usa-identifier__section usa-identifier__section--required-links" aria-label="Important links">
          <div className="usa-identifier__container">
            <ul className="usa-identifier__required-links-list">
              <li className="usa-identifier__required-links-item">
                <a href="https://www.cfo.gov/" className="usa-identifier__required-link usa-link">
                  About the CFO Council
                </a>
              </li>
              <li className="usa-identifier__required-links-item">
                <a href="https://www.section508.gov/" className="usa-identifier__required-link usa-link">
                  Accessibility support
                </a>
              </li>
              <li className="usa-identifier__required-links-item">
                <a href="https://www.usa.gov/privacy" className="usa-identifier__required-link usa-link">
                  Privacy policy
                </a>
              </li>
            </ul>
          </div>
        </nav>
        <section className="usa-identifier__section usa-identifier__section--usagov" aria-label="U.S. government information and services">
          <div className="usa-identifier__container">
            <div className="usa-identifier__usagov-description">Looking for U.S. government information and services?</div>{' '}
            <a href="https://www.usa.gov/" className="usa-link">
              Visit USA.gov
            </a>
          </div>
        </section>
      </div>
    </>
  );
}
