import { describe, expect, it } from 'vitest';
import { parseBody, parseLevelTerm } from '@/lib/cards/body';
import { parseCourse, parseCourses, safeHttpUrl } from '@/lib/cards/courses';
import { competencySlug, parseGsLevel, parsePermalink, seriesCodeOf } from '@/lib/cards/derive';
import { jekyllCompatible, readFrontMatter } from '@/lib/cards/frontmatter';
import { decodeEntities, splitLevelChunks, splitQuestionList } from '@/lib/cards/text';

describe('entities', () => {
  it('decodes numeric and named entities', () => {
    expect(decodeEntities('Senior&#58; (14-15)')).toBe('Senior: (14-15)');
    expect(decodeEntities('R&amp;D &ndash; &rsquo;')).toBe('R&D \u2013 \u2019');
  });
});

describe('? lists', () => {
  it('splits the older " ? " form into items', () => {
    expect(splitQuestionList('A one ? B two ? C three')).toEqual(['A one', 'B two', 'C three']);
  });
  it('splits the newest form per level, with two spaces between items', () => {
    expect(splitLevelChunks(' Applies simply  Requires guidance ?  Applies harder  Requires less')).toEqual([
      ['Applies simply', 'Requires guidance'],
      ['Applies harder', 'Requires less'],
    ]);
  });
  it('copes with a trailing "?" and a stray "?" glued to a word', () => {
    expect(splitQuestionList('Improves satisfaction ?Implements plans ?')).toEqual(['Improves satisfaction', 'Implements plans']);
    expect(splitQuestionList(null)).toEqual([]);
  });
});

describe('level terms', () => {
  it.each([
    ['Customer Service ( Level 3 - Intermediate)', 3, 'Intermediate'],
    ['Resilience (Level 4 - Advanced)', 4, 'Advanced'],
    ['Budget, Formulation (Level 1 - Awareness)', 1, 'Awareness'],
  ])('reads %s', (term, level, name) => {
    expect(parseLevelTerm(term)).toEqual({ level, name });
  });
  it('rejects unknown or contradictory levels', () => {
    expect(parseLevelTerm('Customer Service (Level 7 - Godlike)')).toBeNull();
    expect(parseLevelTerm('Customer Service (Level 3 - Expert)')).toBeNull();
    expect(parseLevelTerm('Customer Service')).toBeNull();
  });
});

describe('body', () => {
  const body = `<div><h3>Behavior Illustrations</h3><dl><dt>X ( Level 3 - Intermediate)</dt><dd>One </dd><dd> Two
</dd><dt>X (Level 4 - Advanced)</dt><dd>Three</dd></dl></div>
<div><p class="text-bold">Proficiency Level Definition</p><hr/><dl><dt>X (Level 3 - Intermediate)</dt><dd>Def &amp; one</dd><dt>X (Level 4 - Advanced)</dt><dd>Def two</dd><dd>Def two</dd></dl></div>`;
  it('groups items per proficiency level, from both heading styles', () => {
    const sections = parseBody(body);
    expect(sections.behaviors).toEqual([
      { level: 3, items: ['One', 'Two'] },
      { level: 4, items: ['Three'] },
    ]);
    expect(sections.definitions).toEqual([
      { level: 3, items: ['Def & one'] },
      { level: 4, items: ['Def two'] },
    ]);
    expect(sections.unreadableTerms).toEqual([]);
  });
  it('reports a term that names no level', () => {
    expect(parseBody('<h3>Behavior Illustrations</h3><dl><dt>Level nine</dt><dd>x</dd></dl>').unreadableTerms).toEqual(['Level nine']);
  });
});

describe('courses', () => {
  it('parses a numbered text-first item with the URL as link text', () => {
    expect(
      parseCourse(
        '69 4975&#58; Essentials of Stakeholder Management, Learning Tree, <a href="https://www.learningtree.com/courses/4975/">https://www.learningtree.com/courses/4975/</a>',
      ),
    ).toEqual({
      number: 69,
      title: '4975: Essentials of Stakeholder Management',
      provider: 'Learning Tree',
      url: 'https://www.learningtree.com/courses/4975/',
      comingSoon: false,
    });
  });
  it('parses an anchor-first item with the provider after the link', () => {
    expect(parseCourse('<a href="https://a.gov/x?y=1&z=2" aria-label="T - u">Customer Service Excellence (ADMB7004)</a>, Graduate School USA (GSUSA)')).toEqual(
      {
        title: 'Customer Service Excellence (ADMB7004)',
        provider: 'Graduate School USA (GSUSA)',
        url: 'https://a.gov/x?y=1&z=2',
        comingSoon: false,
      },
    );
  });
  it('parses an anchor-first item with the provider inside the link', () => {
    expect(parseCourse('<a href="https://g.gov/B">Planning, Programming, Budgeting and Execution (PPBE) (BUDG8000), GSU</a>')).toMatchObject({
      title: 'Planning, Programming, Budgeting and Execution (PPBE) (BUDG8000)',
      provider: 'GSU',
    });
  });
  it('parses a dash-prefixed text-first item whose title has commas', () => {
    expect(
      parseCourse('- Travel Regulations for Non-Defense Agencies, FTR (TDY Only) (FINC7213), GSU, <a href="https://g.gov/F">https://g.gov/F</a>'),
    ).toMatchObject({
      title: 'Travel Regulations for Non-Defense Agencies, FTR (TDY Only) (FINC7213)',
      provider: 'GSU',
      url: 'https://g.gov/F',
    });
  });
  it('keeps plain text and "Course Coming Soon" without a URL', () => {
    // Card documents are JSON: what an item lacks is left out, not null.
    expect(parseCourse('Course Coming Soon')).toEqual({ title: 'Course Coming Soon', comingSoon: true });
  });
  it('never keeps a non-http URL, and survives broken fragments', () => {
    expect(parseCourse('<a href="javascript:alert(1)">Bad</a>, X')?.url).toBeUndefined();
    expect(parseCourse('<a href="Data">Data</a>')?.url).toBeUndefined();
    expect(parseCourse('<a href="https://x.gov/a" aria-label="y">Unclosed title (AUDT8911')).toMatchObject({
      title: 'Unclosed title (AUDT8911',
      url: 'https://x.gov/a',
    });
    expect(safeHttpUrl('https://x.gov/a?b=1?c=2')).toBe('https://x.gov/a?b=1?c=2');
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
  });
  it('drops empty items and exact repeats', () => {
    const line = '<a href="https://x.gov/a">A</a>, P';
    expect(parseCourses([line, line, '', line])).toHaveLength(1);
    expect(parseCourses(null)).toEqual([]);
  });
});

describe('derived values', () => {
  it('reads series codes', () => {
    expect(seriesCodeOf(510)).toBe('0510');
    expect(seriesCodeOf('0560 Budget Analysis')).toBe('0560');
    expect(seriesCodeOf(999)).toBeNull();
  });
  it.each([
    ['10-13', 'Mid', 10, 13],
    ['Senior&#58; (14-15)', 'Senior', 14, 15],
    ['7-9', 'Entry', 7, 9],
    ['GS 7-9', 'Entry', 7, 9],
  ])('reads level %s', (raw, careerLevel, min, max) => {
    expect(parseGsLevel(raw)).toEqual({ careerLevel, gs: { min, max } });
  });
  it('rejects unreadable levels', () => {
    expect(parseGsLevel('ten')).toBeNull();
    expect(parseGsLevel('14-19')).toBeNull();
    expect(parseGsLevel('13-10')).toBeNull();
  });
  it('reads permalinks of both generations and a trailing slash', () => {
    expect(parsePermalink('/cards/510-Customer-Service-Mid')).toEqual({
      slug: '510-Customer-Service-Mid',
      path: '/cards/510-Customer-Service-Mid',
      prefix: 'cards',
    });
    expect(parsePermalink('/cardsNew/510-X-Mid/')?.prefix).toBe('cardsNew');
    expect(parsePermalink('/cards/../etc')).toBeNull();
    expect(parsePermalink('cards')).toBeNull();
  });
  it('slugs competencies with commas and hyphens', () => {
    expect(competencySlug('Budget Formulation, Justification, and Presentation')).toBe('Budget-Formulation-Justification-and-Presentation');
    expect(competencySlug('Decision Support - Audit Execution')).toBe('Decision-Support-Audit-Execution');
  });
});

describe('front matter', () => {
  it('reads a quoted value continued at column 1 as Jekyll does', () => {
    const text = '---\ntitle: T\nbehavior_illustrations: "One ? Two from\n"\nlevel: "7-9"\n---\n<p>body</p>\n';
    const fm = readFrontMatter(text);
    expect(fm.repaired).toBe(true);
    expect(fm.data.behavior_illustrations).toBe('One ? Two from ');
    expect(fm.lines).toEqual({ title: 2, behavior_illustrations: 3, level: 5 });
    expect(fm.body).toBe('<p>body</p>\n');
  });
  it('leaves valid YAML alone', () => {
    expect(jekyllCompatible('a: "x"\nb: 1')).toBe('a: "x"\nb: 1');
  });
  it('names the line of invalid YAML', () => {
    expect(() => readFrontMatter('---\na: 1\nb: [x\n---\n')).toThrow(/invalid YAML/u);
    expect(() => readFrontMatter('no front matter')).toThrow(/does not start/u);
  });
});
