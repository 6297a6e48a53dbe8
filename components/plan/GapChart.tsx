import type { GapRow } from '@/lib/gaps';

const WIDTH = 360;
const LABEL = 16;
const BAR = 12;
const ROW = LABEL + BAR + 12;
const LEFT = 8;
const SCALE = WIDTH - 24;
const x = (level: number) => LEFT + (SCALE * level) / 5;

/**
 * The gaps as bars (an SVG): per competency, the current level as a filled bar and the target as a
 * mark on a 0–5 scale. The chart is never the only way to read the data: it is labelled by the
 * summary sentence, and the table beside it holds the same rows (the browser tests compare them).
 */
export function GapChart({ rows, labelledBy, title }: { rows: readonly GapRow[]; labelledBy: string; title: string }) {
  const height = rows.length * ROW + 24;
  return (
    <svg
      className="gap-chart"
      role="img"
      aria-labelledby={labelledBy}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      data-gap-chart=""
    >
      <title>{title}</title>
      {[0, 1, 2, 3, 4, 5].map((level) => (
        <g key={level}>
          <line x1={x(level)} x2={x(level)} y1={0} y2={height - 18} className="gap-chart__grid" />
          <text x={x(level)} y={height - 4} className="gap-chart__axis" textAnchor="middle">
            {level}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const y = i * ROW;
        return (
          <g key={row.competency} data-competency={row.competency} data-current={row.current ?? ''} data-target={row.target ?? ''} data-gap={row.gap ?? ''}>
            <text x={LEFT} y={y + LABEL - 3} className="gap-chart__label">
              {row.competency}
            </text>
            <rect x={LEFT} y={y + LABEL} width={SCALE} height={BAR} className="gap-chart__track" />
            {row.current !== null ? <rect x={LEFT} y={y + LABEL} width={x(row.current) - LEFT} height={BAR} className="gap-chart__current" /> : null}
            {row.target !== null ? (
              <line x1={x(row.target)} x2={x(row.target)} y1={y + LABEL - 3} y2={y + LABEL + BAR + 3} className="gap-chart__target" />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
