import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

export interface FrontMatter {
  /** The parsed front matter as plain data. */
  readonly data: Record<string, unknown>;
  /** 1-based line in the file of each top-level key. */
  readonly lines: Record<string, number>;
  /** The text after the closing `---`. */
  readonly body: string;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
  /** Set when the YAML had to be read the way Jekyll's parser reads it (see {@link jekyllCompatible}). */
  readonly repaired: boolean;
  /** The front matter YAML that was finally parsed (the repaired text when `repaired`). */
  readonly yaml: string;
}

export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'FrontMatterError';
  }
}

const OPEN = /^---[ \t]*\r?\n/u;
const CLOSE = /\r?\n---[ \t]*(?:\r?\n|$)/u;

/**
 * Jekyll reads front matter with Ruby's Psych, which accepts a quoted value continued on lines
 * that start at column 1; YAML 1.2 (and the npm `yaml` parser) requires those lines to be
 * indented. Indenting them changes nothing in the value (a flow scalar's line breaks fold to
 * spaces and leading white space is dropped), so this gives the value Psych reads.
 */
export function jekyllCompatible(yaml: string): string {
  const lines = yaml.split('\n');
  const out: string[] = [];
  let quote: '"' | "'" | null = null;
  for (const line of lines) {
    if (quote) {
      out.push(/^\S/u.test(line) ? ` ${line}` : line);
      if (closesQuote(line, quote)) quote = null;
      continue;
    }
    out.push(line);
    const opening = /^[A-Za-z_][\w-]*:[ \t]+(["'])(.*)$/u.exec(line);
    if (opening?.[1] && opening[2] !== undefined) {
      const q = opening[1] === '"' ? '"' : "'";
      if (!closesQuote(opening[2], q)) quote = q;
    }
  }
  return out.join('\n');
}

function closesQuote(text: string, quote: '"' | "'"): boolean {
  if (quote === "'") return text.replace(/''/gu, '').includes("'");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return true;
  }
  return false;
}

function lineOf(counter: LineCounter, offset: number, base: number): number {
  return counter.linePos(offset).line + base - 1;
}

function parseYaml(yaml: string, firstLine: number) {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  return { doc, counter, firstLine };
}

/** Splits a card file into front matter and body, and parses the front matter. */
export function readFrontMatter(text: string): FrontMatter {
  const source = text.replace(/^\uFEFF/u, '');
  const open = OPEN.exec(source);
  if (!open) throw new FrontMatterError('the file does not start with a "---" front matter block', 1);
  const rest = source.slice(open[0].length);
  const close = CLOSE.exec(`\n${rest}`);
  if (!close) throw new FrontMatterError('the front matter has no closing "---" line', 1);
  const yamlText = rest.slice(0, Math.max(0, close.index - 1));
  const body = `\n${rest}`.slice(close.index + close[0].length);
  const firstLine = 2;
  const bodyLine = firstLine + yamlText.split('\n').length + 1;

  let parsed = parseYaml(yamlText, firstLine);
  let repaired = false;
  let usedYaml = yamlText;
  if (parsed.doc.errors.length > 0) {
    const fixed = jekyllCompatible(yamlText);
    if (fixed !== yamlText) {
      const retry = parseYaml(fixed, firstLine);
      if (retry.doc.errors.length === 0) {
        parsed = retry;
        repaired = true;
        usedYaml = fixed;
      }
    }
  }
  const { doc, counter } = parsed;
  const error = doc.errors[0];
  if (error) {
    const line = lineOf(counter, error.pos[0], firstLine);
    throw new FrontMatterError(`invalid YAML: ${error.message.split('\n')[0] ?? error.code}`, line);
  }
  if (!isMap(doc.contents)) {
    throw new FrontMatterError('the front matter is not a list of "key: value" fields', firstLine);
  }
  const lines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) {
      lines[String(pair.key.value)] = lineOf(counter, pair.key.range[0], firstLine);
    }
  }
  const data: unknown = doc.toJS({ maxAliasCount: 0 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('the front matter is not a list of "key: value" fields', firstLine);
  }
  return { data: data as Record<string, unknown>, lines, body, bodyLine, repaired, yaml: usedYaml };
}
