'use client';

import { useActionState } from 'react';
import { SlimAlert } from '@/components/SlimAlert';
import { SERIES } from '@/lib/cards/domain';
import { saveProfileAction, type ProfileState } from './actions';

export function ProfileForm({ initial }: { initial: ProfileState }) {
  const [state, action, pending] = useActionState(saveProfileAction, initial);
  const { fieldErrors, values } = state;
  return (
    <form action={action} className="usa-form" noValidate aria-describedby="profile-status">
      <div id="profile-status" role="status" aria-live="polite">
        {state.status === 'idle' ? null : <SlimAlert type={state.status === 'saved' ? 'success' : 'error'}>{state.message}</SlimAlert>}
      </div>
      <div className={`usa-form-group${fieldErrors.series ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor="series">
          Job series
        </label>
        {fieldErrors.series ? (
          <span className="usa-error-message" id="series-error">
            {fieldErrors.series}
          </span>
        ) : null}
        <select
          className={`usa-select${fieldErrors.series ? ' usa-input--error' : ''}`}
          id="series"
          name="series"
          defaultValue={values.series}
          aria-describedby={fieldErrors.series ? 'series-error' : undefined}
          aria-invalid={fieldErrors.series ? true : undefined}
          key={`series-${values.series}`}
        >
          <option value="">- Select -</option>
          {Object.entries(SERIES).map(([code, title]) => (
            <option key={code} value={code}>
              {code} {title}
            </option>
          ))}
        </select>
      </div>
      <div className={`usa-form-group${fieldErrors.grade ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor="grade">
          GS grade
        </label>
        <span className="usa-hint" id="grade-hint">
          1 to 15. GS 7–9 is Entry, 10–13 Mid, 14–15 Senior; below 7, Entry is your next target.
        </span>
        {fieldErrors.grade ? (
          <span className="usa-error-message" id="grade-error">
            {fieldErrors.grade}
          </span>
        ) : null}
        <input
          className={`usa-input usa-input--small${fieldErrors.grade ? ' usa-input--error' : ''}`}
          id="grade"
          name="grade"
          inputMode="numeric"
          defaultValue={values.grade}
          key={`grade-${values.grade}`}
          aria-describedby={fieldErrors.grade ? 'grade-hint grade-error' : 'grade-hint'}
          aria-invalid={fieldErrors.grade ? true : undefined}
        />
      </div>
      <button type="submit" className="usa-button" disabled={pending}>
        {pending ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}
