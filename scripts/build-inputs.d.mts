export const INPUT_DIRS: string[];
export const NOT_INPUTS: RegExp;
export function buildInputs(root: string, env: Record<string, string | undefined>): { hash: string; files: number };
