/**
 * Label sizes a station prints on: the three stocks carriers use (4×6 in, 100×150 mm,
 * 100×100 mm) and custom `WxHmm` / `WxHin`. Sizes are kept in PDF points (1/72 in), width
 * first, portrait as written.
 */

/** A label size: its id as a user writes it (`4x6in`) and its size in points. */
export interface LabelSize {
  id: string;
  widthPt: number;
  heightPt: number;
  /** The size as the user wrote it, for the spooler's custom media name. */
  width: number;
  height: number;
  unit: 'mm' | 'in';
}

/** The sizes offered by name; anything else is a custom `WxHmm` or `WxHin`. */
export const STANDARD_LABEL_SIZES = ['4x6in', '100x150mm', '100x100mm'] as const;

/** The size every station starts with. */
export const DEFAULT_LABEL_SIZE = '4x6in';

const POINTS_PER_UNIT = { in: 72, mm: 72 / 25.4 } as const;

// A label is at least 10 mm and at most 500 mm on a side: smaller or larger is a typo.
const MIN_MM = 10;
const MAX_MM = 500;

/** The size was not written as `WxHmm` / `WxHin`, or is out of any label's range. */
export class LabelSizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelSizeError';
  }
}

/** Parses `4x6in`, `100x150mm`, `101.6x152.4mm` (case and spaces ignored, `×` accepted). */
export function parseLabelSize(text: string): LabelSize {
  const cleaned = text.trim().toLowerCase().replace(/\s+/g, '').replace('×', 'x');
  const match = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|in)$/.exec(cleaned);
  if (!match) {
    throw new LabelSizeError(
      `"${text}" is not a label size. Write it as width x height with mm or in, ` +
        'for example 4x6in, 100x150mm or 100x100mm.',
    );
  }
  const width = Number(match[1]);
  const height = Number(match[2]);
  const unit = match[3] as 'mm' | 'in';
  const toMm = unit === 'in' ? 25.4 : 1;
  for (const side of [width, height]) {
    if (side * toMm < MIN_MM || side * toMm > MAX_MM) {
      throw new LabelSizeError(
        `"${text}" is not a label size: each side must be between ${MIN_MM} and ${MAX_MM} mm.`,
      );
    }
  }
  return {
    id: `${width}x${height}${unit}`,
    width,
    height,
    unit,
    widthPt: width * POINTS_PER_UNIT[unit],
    heightPt: height * POINTS_PER_UNIT[unit],
  };
}

/** The CUPS `media` value for a size: `Custom.4x6in`, `Custom.100x150mm`. */
export function cupsMediaName(size: LabelSize): string {
  return `Custom.${size.width}x${size.height}${size.unit}`;
}

/**
 * The paper name given to a Windows driver. Label printer drivers name their forms after
 * the stock (`4x6`, `100x150mm`); the settings may give the driver's exact form name.
 */
export function windowsPaperName(size: LabelSize): string {
  return size.unit === 'in' ? `${size.width}x${size.height}` : size.id;
}

/** `4×6 in`, `100×150 mm`: the size in words for messages. */
export function describeLabelSize(size: LabelSize): string {
  return `${size.width}×${size.height} ${size.unit}`;
}
