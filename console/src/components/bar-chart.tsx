import type { SeriesPoint } from '../lib/metrics-types';

const WIDTH = 320;
const HEIGHT = 90;
const AXIS = 18;

/**
 * A bar chart of one series in plain SVG (no chart library, no inline styles). The numbers are
 * also in the accessible name and in each bar's tooltip.
 */
export function BarChart({ title, points, format }: { title: string; points: SeriesPoint[]; format: (value: number | null) => string }) {
  const max = Math.max(0, ...points.map((point) => point.value ?? 0));
  const slot = points.length > 0 ? WIDTH / points.length : WIDTH;
  const barWidth = Math.max(2, slot * 0.7);
  // Tick labels are ~5.5 px per character at this size: skip some rather than overlap them.
  const labelWidth = Math.max(...points.map((point) => point.bucket.length), 1) * 5.5 + 8;
  const labelEvery = Math.max(1, Math.ceil(labelWidth / slot));
  const firstLabel = Math.floor(labelEvery / 2);
  const summary = points.map((point) => `${point.bucket}: ${format(point.value)}`).join(', ');
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {points.length === 0 ? (
        <p class="muted">No buckets in this window.</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label={`${title}. ${summary}`}>
          <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} class="axis" />
          {points.map((point, index) => {
            const height = max > 0 && point.value ? (point.value / max) * (HEIGHT - 14) : 0;
            const x = index * slot + (slot - barWidth) / 2;
            return (
              <g key={point.bucket}>
                <rect class="bar" data-bucket={point.bucket} data-value={point.value ?? ''} x={x} y={HEIGHT - height} width={barWidth} height={height}>
                  <title>{`${point.bucket}: ${format(point.value)}`}</title>
                </rect>
                {index >= firstLabel && (index - firstLabel) % labelEvery === 0 ? (
                  <text x={clamp(index * slot + slot / 2, labelWidth / 2, WIDTH - labelWidth / 2)} y={HEIGHT + 13} text-anchor="middle" class="tick">
                    {point.bucket}
                  </text>
                ) : null}
              </g>
            );
          })}
          <text x="2" y="10" class="tick">
            {format(max)}
          </text>
        </svg>
      )}
    </figure>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
