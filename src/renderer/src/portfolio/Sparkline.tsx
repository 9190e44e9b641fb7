// A tiny inline SVG of the daily health scores: a sparkline is 30 points, so a chart library would cost more
// to mount in each of the visible rows than the line itself. Days without a snapshot break the line.
interface Props {
  values: readonly (number | null)[];
  width?: number;
  height?: number;
  color: string;
  label: string;
}

/** Score 0–100 maps to the full height, so two sparklines compare at a glance (no per-row rescaling). */
export function Sparkline({ values, width = 64, height = 20, color, label }: Props) {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (v: number) => (height - 2) * (1 - Math.min(100, Math.max(0, v)) / 100) + 1;
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${(i * step).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} style={{ flexShrink: 0, overflow: 'visible' }}>
      {segments.map((points) =>
        points.includes(' ') ? (
          <polyline key={points} points={points} fill="none" stroke={color} strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
        ) : null,
      )}
      {last !== null && last !== undefined && <circle cx={lastIndex * step} cy={y(last)} r={2} fill={color} />}
    </svg>
  );
}
