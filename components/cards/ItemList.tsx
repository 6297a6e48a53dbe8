/** A subheading and its list; nothing when the list is empty. */
export function ItemList({ heading, items, level = 4 }: { heading: string; items: readonly string[]; level?: 3 | 4 }) {
  if (items.length === 0) return null;
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading>{heading}</Heading>
      <ul className="usa-list">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** The two lists of a proficiency level, in the one order and with the one pair of headings used on cards, compare pages and PDFs. */
export function LevelItems({ behaviors, definitions }: { behaviors: readonly string[]; definitions: readonly string[] }) {
  return (
    <>
      <ItemList heading="Behavior illustrations" items={behaviors} />
      <ItemList heading="Proficiency level definition" items={definitions} />
    </>
  );
}
