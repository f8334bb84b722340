/**
 * Text the label fonts can show: the standard PDF fonts encode WinAnsi only, the PNG's
 * OCR-B glyphs plain ASCII. Chinese (names, warehouse names) cannot be shown and is dropped.
 */

// Limitation: Chinese text on a label (a consignee or warehouse name) is dropped, not shown;
// embedding a CJK font through @pdf-lib/fontkit would show it at the cost of a large font file.

/** Characters of Windows-1252 beyond Latin-1, which the standard fonts can also show. */
const CP1252_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

/** Letters with a stroke rather than an accent, which Unicode does not decompose. */
const BASE_LETTERS: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
};

/**
 * Text the standard PDF fonts can encode (WinAnsi): accents are kept where WinAnsi has
 * them, other letters lose their marks, and scripts it cannot show (Chinese) are dropped.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s/g, ' ')) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch)) {
      out += ch;
      continue;
    }
    out += (BASE_LETTERS[ch] ?? ch).normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
  }
  // A name like `California - 加州码头仓库` would otherwise end in a dangling dash.
  return out.replace(/\s*-\s*$/, '').trim();
}

/** Printable ASCII: letters lose their marks, other scripts are dropped (for OCR-B). */
export function toAscii(text: string): string {
  let out = '';
  for (const ch of text) out += (BASE_LETTERS[ch] ?? ch).normalize('NFKD');
  return out.replace(/[^\x20-\x7e]/g, '');
}
