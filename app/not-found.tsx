import type { Metadata } from 'next';
import Link from 'next/link';
import { NOT_FOUND_METADATA } from '@/lib/pages/meta';

export const metadata: Metadata = NOT_FOUND_METADATA;

export default function NotFound() {
  return (
    <div className="grid-container usa-prose page-section">
      <h1>Page not found</h1>
      <p className="usa-intro">We can&rsquo;t find the page you&rsquo;re looking for.</p>
      <p>The card may have moved, or the address may have a typo. You can:</p>
      <ul className="usa-list">
        <li>
          <Link href="/cards">Browse all competency cards</Link>
        </li>
        <li>Check the address for mistakes</li>
      </ul>
    </div>
  );
}
