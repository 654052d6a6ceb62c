/**
 * A dashboard chart as a PNG (issue 19, item 4): Recharts draws SVG, whose colours and fonts come
 * from the page's CSS (Mantine's variables, `currentColor`). The SVG is copied with the styles the
 * page computed for each element written onto it, drawn on a canvas at twice its size under the
 * chart's title, period and legend, and encoded by the browser. The app's fonts are the system's
 * (renderer/app/theme.ts), which an SVG drawn as an image uses too, so nothing is fetched or
 * embedded: it works offline, in Chinese as on screen.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The computed properties that decide how an SVG element looks. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

export interface ChartPicture {
  title: string;
  /** Under the title: the period, or the day the chart is as of. */
  subtitle: string;
  /** The series with their colours (CSS colours), drawn under the subtitle when more than one. */
  legend: readonly { label: string; color: string }[];
}

/** Writes each element's computed style onto its copy, so that the copy looks the same alone. */
function inlineStyles(original: Element, copy: Element): void {
  const computed = window.getComputedStyle(original);
  const style = STYLE_PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`)
    .filter((declaration) => !declaration.endsWith(':'))
    .join(';');
  copy.setAttribute('style', style);
  const originals = original.children;
  const copies = copy.children;
  for (let index = 0; index < originals.length; index += 1) {
    const from = originals[index];
    const to = copies[index];
    if (from && to) inlineStyles(from, to);
  }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    image.src = url;
  });
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png');
  });
}

/** The chart in `container` (its first Recharts SVG) as PNG bytes, `scale` times its size on screen. */
export async function chartPng(container: HTMLElement, picture: ChartPicture, scale = 2): Promise<Uint8Array> {
  const svg = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) throw new Error('no chart is drawn');
  const { width, height } = svg.getBoundingClientRect();
  if (width <= 0 || height <= 0) throw new Error('the chart has no size');

  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.setAttribute('xmlns', SVG_NS);
  // Drawn at `scale` from the start, so that a part of it can be taken without blurring.
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('width', String(width * scale));
  copy.setAttribute('height', String(height * scale));
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml;charset=utf-8' }),
  );
  let image: HTMLImageElement;
  try {
    image = await loadImage(url);
  } finally {
    URL.revokeObjectURL(url);
  }

  // The chart's own legend is HTML above the SVG, where the SVG leaves room for it: the legend is
  // drawn here under the title instead, and the room left out.
  const svgBox = svg.getBoundingClientRect();
  const legendBox = container.querySelector('.recharts-legend-wrapper')?.getBoundingClientRect();
  const skip = legendBox && legendBox.top - svgBox.top < 4 ? Math.min(legendBox.bottom - svgBox.top, height / 2) : 0;
  const drawnHeight = height - skip;

  const page = window.getComputedStyle(container);
  const font = page.getPropertyValue('font-family') || 'sans-serif';
  const text = page.getPropertyValue('color') || '#000';
  const background = window.getComputedStyle(document.body).getPropertyValue('background-color');
  const padding = 16;
  const legendHeight = picture.legend.length > 1 ? 22 : 0;
  const top = padding + 22 + 18 + legendHeight + 8;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil((width + 2 * padding) * scale);
  canvas.height = Math.ceil((top + drawnHeight + padding) * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas to draw on');
  context.scale(scale, scale);
  context.fillStyle = background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff';
  context.fillRect(0, 0, width + 2 * padding, top + drawnHeight + padding);

  context.textBaseline = 'top';
  context.fillStyle = text;
  context.font = `bold 16px ${font}`;
  context.fillText(picture.title, padding, padding);
  context.font = `12px ${font}`;
  context.globalAlpha = 0.7;
  context.fillText(picture.subtitle, padding, padding + 22);
  context.globalAlpha = 1;
  if (legendHeight > 0) {
    let x = padding;
    const y = padding + 22 + 18 + 4;
    for (const { label, color } of picture.legend) {
      context.fillStyle = color;
      context.fillRect(x, y, 10, 10);
      context.fillStyle = text;
      context.fillText(label, x + 14, y - 1);
      x += 14 + context.measureText(label).width + 16;
    }
  }
  context.drawImage(image, 0, skip * scale, width * scale, drawnHeight * scale, padding, top, width, drawnHeight);
  const blob = await canvasBlob(canvas);
  return new Uint8Array(await blob.arrayBuffer());
}
