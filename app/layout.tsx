import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteShell } from '@/components/SiteShell';
import '@/styles/index.scss';

export const metadata: Metadata = {
  title: { default: 'FM Career Roadmap', template: '%s | FM Career Roadmap' },
  description: 'Competencies, proficiency levels and courses for the federal financial-management workforce: job series 0501, 0510, 0511 and 0560.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SiteShell>{children}</SiteShell>
      </body>
    </html>
  );
}
