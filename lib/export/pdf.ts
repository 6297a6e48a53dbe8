/**
 * PDF exports with PDFKit: one Letter page per card (the type scales down to fit a long card on its
 * page), a tagged structure (headings, lists, links), document title and language set, and the
 * USWDS typeface Public Sans embedded (full Unicode text, not just the 14 standard fonts' Latin-1).
 * Runs in the server process; no browser.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { CAREER_LEVEL_GS, formatGsRange, proficiencyName } from '../cards/domain';
import { careerLevelForGrade } from '../grades';
import { courseFacts, levelName, listedCourseLine, type ExportCard } from './fields';
import { isoDate, type PlanExport, type PlanExportItem } from './csv';

const PAGE = { width: 612, height: 792 }; // US Letter, points
const MARGIN = 54;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const CONTENT_HEIGHT = PAGE.height - 2 * MARGIN;
const SCALES = [1, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55, 0.5];
const INK = '#1b1b1b';
const MUTED = '#565c65';
const LINK = '#005ea2';

let fonts: { regular: Buffer; bold: Buffer } | null = null;
/** Public Sans from the USWDS package (the portal's own typeface). */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const require = createRequire(path.join(process.cwd(), 'package.json'));
    // The package's exports hide package.json; its main entry is dist/js/uswds.min.js.
    const dir = path.resolve(path.dirname(require.resolve('@uswds/uswds')), '../fonts/public-sans');
    fonts = { regular: readFileSync(path.join(dir, 'PublicSans-Regular.ttf')), bold: readFileSync(path.join(dir, 'PublicSans-Bold.ttf')) };
  }
  return fonts;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** One piece of text on a page; `tag` is its role in the tagged structure. */
interface Block {
  readonly tag: 'H1' | 'H2' | 'H3' | 'P' | 'LI';
  readonly text: string;
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: string;
  readonly gap: number;
  readonly link?: string;
}

const listItems = (items: readonly string[]): Block[] => items.map((text) => ({ tag: 'LI', text, size: 9.5, gap: 2 }));

function cardBlocks({ card, courses }: ExportCard, extra: readonly Block[]): Block[] {
  const blocks: Block[] = [
    { tag: 'P', text: 'FM Career Roadmap · competency card', size: 8, color: MUTED, gap: 0 },
    { tag: 'H1', text: card.title, size: 17, bold: true, gap: 4 },
    {
      tag: 'P',
      text: `Series ${card.seriesCode} ${card.seriesTitle} · ${card.careerLevel} level (${card.gsLabel}) · ${card.group} group (${card.designation})`,
      size: 10,
      gap: 4,
    },
    ...extra,
    { tag: 'H2', text: card.competency, size: 12, bold: true, gap: 10 },
    { tag: 'P', text: card.description || 'No description.', size: 10, gap: 3 },
  ];
  for (const level of card.levels) {
    blocks.push({ tag: 'H2', text: `Proficiency level ${levelName(level.level)}`, size: 12, bold: true, gap: 10 });
    if (level.behaviors.length > 0) {
      blocks.push({ tag: 'H3', text: 'Behavior illustrations', size: 10, bold: true, gap: 4 }, ...listItems(level.behaviors));
    }
    if (level.definitions.length > 0) {
      blocks.push({ tag: 'H3', text: 'Proficiency level definition', size: 10, bold: true, gap: 4 }, ...listItems(level.definitions));
    }
  }
  if (card.ungrouped.definitions.length + card.ungrouped.behaviors.length > 0) {
    blocks.push({ tag: 'H2', text: 'Not tied to a proficiency level', size: 12, bold: true, gap: 10 });
    blocks.push(...listItems(card.ungrouped.behaviors), ...listItems(card.ungrouped.definitions));
  }
  blocks.push({ tag: 'H2', text: 'Courses', size: 12, bold: true, gap: 10 });
  if (courses.byLevel.length === 0 && courses.listed.length === 0) {
    blocks.push({ tag: 'P', text: `No course in the catalogue serves ${card.competency} at this card's proficiency levels.`, size: 9.5, gap: 2 });
  }
  for (const group of courses.byLevel) {
    blocks.push({ tag: 'H3', text: `For proficiency level ${levelName(group.level)}`, size: 10, bold: true, gap: 4 });
    for (const { course } of group.courses) {
      blocks.push({ tag: 'LI', text: `${course.title} (${courseFacts(course)}) <${course.url}>`, size: 9.5, gap: 2, link: course.url });
    }
  }
  if (courses.listed.length > 0) {
    if (courses.byLevel.length > 0) blocks.push({ tag: 'H3', text: 'Also listed on this card', size: 10, bold: true, gap: 4 });
    for (const course of courses.listed)
      blocks.push({ tag: 'LI', text: listedCourseLine(course), size: 9.5, gap: 2, ...(course.url ? { link: course.url } : {}) });
  }
  return blocks;
}

const BULLET_INDENT = 12;

function setFont(doc: Doc, block: Block, scale: number): void {
  doc.font(block.bold ? 'Sans-Bold' : 'Sans').fontSize(block.size * scale);
}

function blockWidth(block: Block): number {
  return block.tag === 'LI' ? CONTENT_WIDTH - BULLET_INDENT : CONTENT_WIDTH;
}

function measure(doc: Doc, blocks: readonly Block[], scale: number): number {
  let height = 0;
  for (const block of blocks) {
    setFont(doc, block, scale);
    // A link line is drawn in two runs that can wrap a little differently: measure it one line taller.
    height +=
      block.gap * scale + doc.heightOfString(block.text, { width: blockWidth(block), lineGap: 1 }) + (block.link ? doc.currentLineHeight(true) * 0.5 : 0);
  }
  return height;
}

/** The largest scale at which the blocks fit one page (the smallest one if none does). */
function fitScale(doc: Doc, blocks: readonly Block[]): number {
  return SCALES.find((s) => measure(doc, blocks, s) <= CONTENT_HEIGHT * 0.96) ?? SCALES[SCALES.length - 1]!;
}

/** Draws blocks on a new page, each in the structure tree: headings, paragraphs, one list per run of items. */
function drawPage(doc: Doc, root: Struct, blocks: readonly Block[]): void {
  doc.addPage();
  const scale = fitScale(doc, blocks);
  let list: Struct | null = null;
  for (const block of blocks) {
    if (block.tag !== 'LI' && list) {
      list.end();
      list = null;
    }
    doc.y += block.gap * scale;
    const draw = () => {
      setFont(doc, block, scale);
      doc.fillColor(block.color ?? INK);
      if (block.tag === 'LI') {
        const y = doc.y;
        doc.text('•', MARGIN, y, { lineBreak: false });
        drawText(doc, block, MARGIN + BULLET_INDENT, y);
        doc.x = MARGIN;
      } else {
        drawText(doc, block);
      }
    };
    if (block.tag === 'LI') {
      if (!list) {
        list = doc.struct('L');
        root.add(list);
      }
      list.add(doc.struct('LI', {}, [doc.struct('LBody', {}, draw)]));
    } else {
      root.add(doc.struct(block.tag, {}, draw));
    }
  }
  list?.end();
}

function drawText(doc: Doc, block: Block, x: number = MARGIN, y: number = doc.y): void {
  const options = { width: blockWidth(block), lineGap: 1 };
  if (!block.link) {
    doc.text(block.text, x, y, options);
    return;
  }
  // The course's title in ink, its URL as a link (printed too, so the page works on paper).
  const at = block.text.lastIndexOf(' <');
  doc.text(block.text.slice(0, at + 1), x, y, { ...options, continued: true });
  doc.fillColor(LINK).text(block.text.slice(at + 1), { ...options, link: block.link, underline: true, continued: false });
}

function newDocument(title: string, subject: string): Doc {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-US',
    displayTitle: true,
    info: { Title: title, Subject: subject, Author: 'FM Career Roadmap', Creator: 'FM Career Roadmap portal' },
  });
  const { regular, bold } = loadFonts();
  doc.registerFont('Sans', regular);
  doc.registerFont('Sans-Bold', bold);
  return doc;
}

function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

function cardsPdfTitle(cards: readonly ExportCard[]): string {
  return cards.length === 1 ? `${cards[0]!.card.title} – FM Career Roadmap` : `${cards.length} competency cards – FM Career Roadmap`;
}

/** One page per card, in the order given. */
export async function cardsToPdf(cards: readonly ExportCard[]): Promise<Buffer> {
  const doc = newDocument(cardsPdfTitle(cards), 'Competency cards of the federal financial management career roadmap');
  const root = doc.struct('Document');
  doc.addStructure(root);
  for (const card of cards) {
    const part = doc.struct('Sect');
    root.add(part);
    drawPage(doc, part, cardBlocks(card, []));
    part.end();
  }
  root.end();
  return finish(doc);
}

/** A summary page (grade, then each bookmark with its status and date), then one page per published card. */
/** The person's rating of the item's competency against its target (lib/gaps.ts), in words. */
function ratingSentence(item: PlanExportItem): string {
  const rating = item.rating === null ? 'Not rated yet' : `Your rating: ${item.rating} ${proficiencyName(item.rating)}`;
  const target = item.target === null ? '' : `; target ${item.target} ${proficiencyName(item.target)}`;
  const gap = item.gap === null ? '' : item.gap === 0 ? '; target met' : `; gap ${item.gap} level${item.gap === 1 ? '' : 's'}`;
  return `${rating}${target}${gap}.`;
}

export async function planToPdf(plan: PlanExport, exportedOn: Date = new Date()): Promise<Buffer> {
  const doc = newDocument('My plan – FM Career Roadmap', 'Competencies bookmarked as targets, marked against the grade');
  const root = doc.struct('Document');
  doc.addStructure(root);
  const gradeText =
    plan.grade === null
      ? 'Your grade: not set. Set your series and grade in the portal to see where each card stands.'
      : `Your grade: GS ${plan.grade}, ${careerLevelForGrade(plan.grade)} level (${formatGsRange(CAREER_LEVEL_GS[careerLevelForGrade(plan.grade)])}).`;
  const summary: Block[] = [
    { tag: 'P', text: 'FM Career Roadmap', size: 8, color: MUTED, gap: 0 },
    { tag: 'H1', text: 'My plan', size: 20, bold: true, gap: 4 },
    { tag: 'P', text: gradeText, size: 11, gap: 6 },
    {
      tag: 'P',
      text: `Exported on ${isoDate(exportedOn)}. ${plan.items.length === 1 ? '1 card' : `${plan.items.length} cards`} in the plan.`,
      size: 10,
      color: MUTED,
      gap: 2,
    },
  ];
  if (plan.items.length === 0) summary.push({ tag: 'P', text: 'The plan is empty.', size: 10, gap: 10 });
  let competency: string | null = null;
  for (const item of plan.items) {
    if (item.competency !== competency) {
      competency = item.competency;
      summary.push({ tag: 'H2', text: competency, size: 12, bold: true, gap: 10 });
      summary.push({ tag: 'P', text: ratingSentence(item), size: 9.5, gap: 2 });
    }
    const level = item.card ? `${item.card.card.careerLevel} level (${item.card.card.gsLabel})` : 'no longer published';
    const target = item.targetDate ? ` Target date ${item.targetDate}.` : '';
    summary.push({
      tag: 'LI',
      text: `${item.title}: ${level}. Status: ${item.statusLabel}. Progress: ${item.progressLabel}.${target} Saved on ${isoDate(item.savedOn)}.`,
      size: 9.5,
      gap: 2,
    });
    if (item.note) summary.push({ tag: 'P', text: `Note: ${item.note}`, size: 9.5, color: MUTED, gap: 2 });
  }
  const cover = doc.struct('Sect');
  root.add(cover);
  drawPage(doc, cover, summary);
  cover.end();
  for (const item of plan.items) {
    if (!item.card) continue;
    const part = doc.struct('Sect');
    root.add(part);
    drawPage(
      doc,
      part,
      cardBlocks(item.card, [
        {
          tag: 'P',
          text: `In my plan: ${item.statusLabel} · ${item.progressLabel}${item.targetDate ? ` · target ${item.targetDate}` : ''} · saved on ${isoDate(item.savedOn)}. ${ratingSentence(item)}`,
          size: 10,
          bold: true,
          gap: 4,
        },
        ...(item.note ? [{ tag: 'P' as const, text: `Note: ${item.note}`, size: 10, gap: 4 }] : []),
      ]),
    );
    part.end();
  }
  root.end();
  return finish(doc);
}
