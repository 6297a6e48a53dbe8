'use client';

import { useEffect, useRef, useState } from 'react';
import { careerLevelForGrade, isGsGrade, MAX_GRADE, MIN_GRADE } from '@/lib/grades';

/** What a typed grade is: empty, a grade, or a sentence saying what is wrong. */
export function readGrade(text: string): { grade: number | null } | { error: string } {
  const value = text.trim();
  if (value === '') return { grade: null };
  if (!/^\d{1,2}$/u.test(value) || !isGsGrade(Number(value)))
    return { error: `Enter a GS grade from ${MIN_GRADE} to ${MAX_GRADE}, as a whole number such as 11.` };
  return { grade: Number(value) };
}

/** A grade that typing another digit could still change ("1" may become 10–15). */
const mayGrow = (text: string) => /^1$/u.test(text.trim());

/**
 * The GS grade, as USWDS' text input pattern (not `type=number`): checked as the person types, with
 * an error message; applied at once when it is complete, and "1" only after a pause or on leaving
 * the field (it may become 10–15). Filled from the person's profile when the dashboard applies it.
 */
export function GradeField({ grade, onGrade }: { grade: number | null; onGrade: (grade: number | null) => void }) {
  const [text, setText] = useState(grade === null ? '' : String(grade));
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(grade);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The filter changed from elsewhere (a chip, Back, the profile): show its grade.
  if (shown !== grade) {
    setShown(grade);
    setText(grade === null ? '' : String(grade));
    setError(null);
  }
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  const apply = (value: string) => {
    const read = readGrade(value);
    if ('error' in read) return;
    if (read.grade !== grade) {
      setShown(read.grade);
      onGrade(read.grade);
    }
  };

  const onChange = (value: string) => {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    const read = readGrade(value);
    setError('error' in read ? read.error : null);
    if ('error' in read) return;
    if (mayGrow(value)) timer.current = setTimeout(() => apply(value), 800);
    else apply(value);
  };

  const hint = (() => {
    const read = readGrade(text);
    if ('error' in read || read.grade === null) return `${MIN_GRADE} to ${MAX_GRADE}; selects the matching career level`;
    if (read.grade < 7) return `GS ${read.grade} is below the card levels; showing Entry (GS 7–9), the nearest.`;
    return `GS ${read.grade}: ${careerLevelForGrade(read.grade)} level.`;
  })();

  return (
    <div className={`usa-form-group grade-field${error ? ' usa-form-group--error' : ''}`}>
      <label className="usa-label" htmlFor="grade">
        Your GS grade
      </label>
      <span className="usa-hint" id="grade-hint">
        {hint}
      </span>
      {error ? (
        <span className="usa-error-message" id="grade-error" role="alert">
          {error}
        </span>
      ) : null}
      <input
        className={`usa-input usa-input--small${error ? ' usa-input--error' : ''}`}
        id="grade"
        name="grade"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={2}
        aria-describedby={error ? 'grade-hint grade-error' : 'grade-hint'}
        aria-invalid={error ? true : undefined}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(text);
        }}
        onBlur={() => {
          if (timer.current) clearTimeout(timer.current);
          apply(text);
        }}
      />
    </div>
  );
}
