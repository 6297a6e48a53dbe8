import type { DashboardState } from '@/lib/dashboard';
import type { Me } from '@/lib/me';
import { Dashboard } from './Dashboard';

/** The dashboard page's content: heading, introduction and the dashboard, for /cards and its filtered rendering. */
export function DashboardPage({ initial, initialMe = null }: { initial: DashboardState; initialMe?: Me | null }) {
  return (
    <div className="grid-container">
      <h1>Competency cards</h1>
      <p className="usa-intro">Find the competencies of your job series and career level: what each proficiency level looks like, and courses to get there.</p>
      <Dashboard initial={initial} dataUrl="/data/cards.json" initialMe={initialMe} />
    </div>
  );
}
