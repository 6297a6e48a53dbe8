import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Nodes, Root } from 'hast';
import { cleanText, unique } from './text';
import { isProficiencyNumber, PROFICIENCY_LEVELS, type ProficiencyNumber } from './domain';

/** The items of one proficiency level in one panel of a card's body. */
export interface LevelItems {
  readonly level: ProficiencyNumber;
  readonly items: string[];
}

export interface BodySections {
  /** From the "Behavior Illustrations" panel, in document order. */
  readonly behaviors: LevelItems[];
  /** From the "Proficiency Level Definition" panel, in document order. */
  readonly definitions: LevelItems[];
  /** `<dt>` texts that name no proficiency level we can read. */
  readonly unreadableTerms: string[];
}

type Section = 'behaviors' | 'definitions';

/** `Customer Service ( Level 3 - Intermediate)`, `Resilience (Level 4 - Advanced)`, `Level 2` … */
const LEVEL_TERM = /\(?\s*Level\s*([0-9]+)\s*(?:[-\u2013\u2014:]\s*([A-Za-z]+))?\s*\)?\s*$/iu;

export function parseLevelTerm(term: string): { level: ProficiencyNumber; name: string } | null {
  const match = LEVEL_TERM.exec(cleanText(term));
  if (!match) return null;
  const level = Number(match[1]);
  if (!isProficiencyNumber(level)) return null;
  const name = match[2];
  // A term whose level name contradicts its number ("Level 3 - Expert") is not trusted.
  if (name && name.toLowerCase() !== PROFICIENCY_LEVELS[level].toLowerCase()) return null;
  return { level, name: PROFICIENCY_LEVELS[level] };
}

function sectionOfHeading(text: string): Section | null {
  const t = text.toLowerCase();
  if (t.includes('behavior') || t.includes('behaviour')) return 'behaviors';
  if (t.includes('proficiency')) return 'definitions';
  return null;
}

function isElement(node: Nodes): node is Element {
  return node.type === 'element';
}

/**
 * Reads the per-level items from a card's HTML body. The body is parsed by a standards-compliant
 * HTML parser (parse5 through hast); nothing of it is ever rendered as HTML.
 */
export function parseBody(html: string): BodySections {
  const tree: Root = fromHtml(html, { fragment: true });
  const sections: Record<Section, Map<ProficiencyNumber, string[]>> = {
    behaviors: new Map(),
    definitions: new Map(),
  };
  const unreadableTerms: string[] = [];
  let current: Section | null = null;

  const visit = (node: Nodes): void => {
    if (!isElement(node)) {
      if ('children' in node) node.children.forEach(visit);
      return;
    }
    if (node.tagName === 'dl') {
      if (current) readList(node, sections[current], unreadableTerms);
      return;
    }
    if (/^(h[1-6]|p|strong|b|span|legend|caption)$/u.test(node.tagName)) {
      const section = sectionOfHeading(toText(node));
      if (section) {
        current = section;
        return;
      }
    }
    node.children.forEach((child) => visit(child as Nodes));
  };
  visit(tree);

  const toList = (map: Map<ProficiencyNumber, string[]>): LevelItems[] => [...map.entries()].map(([level, items]) => ({ level, items: unique(items) }));
  return { behaviors: toList(sections.behaviors), definitions: toList(sections.definitions), unreadableTerms };
}

function readList(dl: Element, into: Map<ProficiencyNumber, string[]>, unreadable: string[]): void {
  let level: ProficiencyNumber | null = null;
  for (const child of dl.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'dt') {
      const text = cleanText(toText(child));
      const parsed = parseLevelTerm(text);
      level = parsed ? parsed.level : null;
      if (!parsed && text) unreadable.push(text);
      if (level !== null && !into.has(level)) into.set(level, []);
    } else if (child.tagName === 'dd' && level !== null) {
      const text = cleanText(toText(child));
      if (text) into.get(level)?.push(text);
    }
  }
}
