export type Severity = 'error' | 'warning';

/** One thing wrong with a card file, located precisely enough for an editor to fix it. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  /** The front-matter field, `body`, or `file`. */
  readonly field: string;
  readonly message: string;
  readonly severity: Severity;
}

/** `content/cards/x.md:12: level: could not read a GS range from "ten"` (the editor-clickable form). */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}
