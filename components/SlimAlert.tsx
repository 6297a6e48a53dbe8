import type { ReactNode } from 'react';

/** A one-line USWDS alert (`usa-alert--slim`) for short messages: saved, refused, fix the form. */
export function SlimAlert({ type, role, children }: { type: 'success' | 'error' | 'warning' | 'info'; role?: 'alert' | 'status'; children: ReactNode }) {
  return (
    <div className={`usa-alert usa-alert--${type} usa-alert--slim notice`} role={role}>
      <div className="usa-alert__body">
        <p className="usa-alert__text">{children}</p>
      </div>
    </div>
  );
}
