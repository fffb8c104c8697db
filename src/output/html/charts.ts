import { esc } from './escape.js';

export const STATUS_COLOURS: Record<string, string> = {
  PASS: '#2e7d32', FAIL: '#c62828', ERROR: '#ef6c00', NOT_ASSESSED: '#78909c', NOT_APPLICABLE: '#9e9e9e',
  met: '#2e7d32', 'not-met': '#c62828', incomplete: '#ef6c00', attestation: '#5e35b1', 'not-assessed': '#78909c', 'not-applicable': '#9e9e9e',
};

/** A donut of parts, with a title for screen readers and each slice's share in its tooltip. */
export function donut(parts: readonly { label: string; value: number; colour: string }[], title: string, size = 140): string {
  const total = parts.reduce((s, p) => s + p.value, 0);
  const r = size / 2 - 12;
  const c = 2 * Math.PI * r;
  let offset = 0;
  const slices = total === 0
    ? `<circle cx="${size / 2}" cy="${size / 2}" r="${r}" fill="none" stroke="#e0e0e0" stroke-width="20"/>`
    : parts.filter((p) => p.value > 0).map((p) => {
      const len = (p.value / total) * c;
      const s = `<circle cx="${size / 2}" cy="${size / 2}" r="${r}" fill="none" stroke="${p.colour}" stroke-width="20" stroke-dasharray="${len.toFixed(2)} ${(c - len).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 ${size / 2} ${size / 2})"><title>${esc(`${p.label}: ${p.value} (${((p.value / total) * 100).toFixed(1)}%)`)}</title></circle>`;
      offset += len;
      return s;
    }).join('');
  return `<svg class="chart" role="img" aria-label="${esc(title)}" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><title>${esc(title)}</title>${slices}<text x="50%" y="50%" text-anchor="middle" dominant-baseline="central" class="donut-total">${total}</text></svg>`;
}

/** Horizontal stacked bars, one per row, segments in the given order. */
export function stackedBars(rows: readonly { label: string; parts: readonly { key: string; value: number }[] }[], title: string, width = 520): string {
  const labelW = 170;
  const barW = width - labelW - 60;
  const h = 22;
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((s, p) => s + p.value, 0)));
  const body = rows.map((row, i) => {
    let x = labelW;
    const total = row.parts.reduce((s, p) => s + p.value, 0);
    const segs = row.parts.filter((p) => p.value > 0).map((p) => {
      const w = (p.value / max) * barW;
      const seg = `<rect x="${x.toFixed(1)}" y="${i * h + 3}" width="${Math.max(w, 1).toFixed(1)}" height="${h - 6}" fill="${STATUS_COLOURS[p.key] ?? '#607d8b'}"><title>${esc(`${row.label} ${p.key}: ${p.value}`)}</title></rect>`;
      x += w;
      return seg;
    }).join('');
    return `<text x="${labelW - 6}" y="${i * h + h / 2}" text-anchor="end" dominant-baseline="central">${esc(row.label)}</text>${segs}<text x="${(x + 4).toFixed(1)}" y="${i * h + h / 2}" dominant-baseline="central" class="bar-total">${total}</text>`;
  }).join('');
  return `<svg class="chart" role="img" aria-label="${esc(title)}" width="${width}" height="${rows.length * h + 4}" viewBox="0 0 ${width} ${rows.length * h + 4}"><title>${esc(title)}</title>${body}</svg>`;
}
