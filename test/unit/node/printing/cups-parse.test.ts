// Parsing CUPS's answers, on outputs captured from cupsd 2.4 (LANG=C).
import { describe, expect, it } from 'vitest';
import {
  isValidPrinterName,
  lpArguments,
  parseCancelRefusal,
  parseDefaultPrinter,
  parseJobs,
  parseLpqTitles,
  parseMediaSizes,
  parsePrinters,
  parseRequestId,
} from '../../../../src/main/core/printing/cups-port';
import { parseLabelSize } from '../../../../src/main/core/printing/label-size';

const LONG_TAIL = ['\tForm mounted:', '\tContent types: any', '\tPrinter types: unknown'];
const PRINTERS = [
  'printer Zebra-GK420d now printing Zebra-GK420d-31.  enabled since Thu Dec  3 10:44:30 2026',
  ...LONG_TAIL,
  '\tDescription: Zebra GK420d',
  '\tAlerts: media-low-report',
  '\tLocation: ',
  'printer Rollo disabled since Thu Dec  3 10:45:20 2026 -',
  '\tOut of labels',
  ...LONG_TAIL,
  '\tDescription: Rollo',
  '\tAlerts: paused media-empty-error',
  '\tUsers allowed:',
  '\t\t(all)',
  'printer Office is idle.  enabled since Thu Dec  3 10:40:00 2026',
  ...LONG_TAIL,
  '\tDescription: Office',
  '\tAlerts: none',
  'Zebra-GK420d accepting requests since Thu Dec  3 10:44:30 2026',
  'Rollo not accepting requests since Thu Dec  3 10:45:20 2026 -',
  '\tOut of labels',
  'Office accepting requests since Thu Dec  3 10:40:00 2026',
  'system default destination: Office',
].join('\n');

describe('parsing lpstat -l -p -a -d', () => {
  it('reads state, acceptance, reasons, message and the default of every printer', () => {
    const [zebra, rollo, office] = parsePrinters(PRINTERS);
    expect(zebra).toMatchObject({
      name: 'Zebra-GK420d',
      state: 'printing',
      nowPrinting: 'Zebra-GK420d-31',
      accepting: true,
      isDefault: false,
      message: '',
    });
    expect(zebra!.reasons).toEqual([
      { code: 'media-low', severity: 'report', words: 'labels running low' },
    ]);
    expect(rollo).toMatchObject({ state: 'stopped', accepting: false, message: 'Out of labels' });
    expect(rollo!.reasons.map((r) => r.words)).toEqual(['paused', 'out of labels']);
    expect(office).toMatchObject({ state: 'idle', isDefault: true, reasons: [] });
  });

  it('reads the default destination, or none', () => {
    expect(parseDefaultPrinter(PRINTERS)).toBe('Office');
    expect(parseDefaultPrinter('no system default destination\n')).toBeNull();
    expect(parsePrinters('no system default destination\n')).toEqual([]);
  });
});

describe('parsing job listings', () => {
  it('reads ids, alerts and status of lpstat -l -o, mixed with a printer block', () => {
    const out = [
      'cap-1-54                root              2048   Thu Dec  3 11:01:39 2026',
      '\tAlerts: job-hold-until-specified',
      '\tqueued for cap-1',
      'cap-1-55                root              2048   Thu Dec  3 11:01:39 2026',
      '\tStatus: Spooling job, 50% complete.',
      '\tAlerts: job-printing',
      '\tqueued for cap-1',
      'printer cap-1 disabled since Thu Dec  3 11:01:39 2026 -',
      '\tLoad a new roll',
      '\tAlerts: paused',
    ].join('\n');
    expect(parseJobs(out)).toEqual([
      { spoolerId: 'cap-1-54', alerts: ['job-hold-until-specified'], status: '' },
      { spoolerId: 'cap-1-55', alerts: ['job-printing'], status: 'Spooling job, 50% complete.' },
    ]);
    expect(parsePrinters(out)[0]).toMatchObject({
      name: 'cap-1',
      state: 'stopped',
      message: 'Load a new roll',
    });
  });

  it('finds job titles in lpq -l, copies or not', () => {
    const out = [
      'cap-1 is not ready',
      '',
      '',
      'root: 1st                               [job 54 localhost]',
      '        2 copies of ls-ab12cd34-7               2048 bytes',
      '',
      '',
      'root: 2nd                               [job 55 localhost]',
      '        ls-ab12cd34-8                           2048 bytes',
    ].join('\n');
    expect([...parseLpqTitles(out, 'cap-1')]).toEqual([
      ['ls-ab12cd34-7', 'cap-1-54'],
      ['ls-ab12cd34-8', 'cap-1-55'],
    ]);
    expect(parseLpqTitles('cap-1 is ready\nno entries\n', 'cap-1').size).toBe(0);
  });

  it('reads the request id lp prints', () => {
    expect(parseRequestId('request id is Zebra-GK420d-12 (1 file(s))\n')).toBe('Zebra-GK420d-12');
    expect(parseRequestId('lp: Error - The printer or class does not exist.')).toBeNull();
  });

  it('tells how a finished job ended from cancel’s refusal', () => {
    const said = (what: string) =>
      `cancel: cancel-job failed: Job #5 is already ${what} - can't cancel.`;
    expect(parseCancelRefusal(said('completed'))).toBe('completed');
    expect(parseCancelRefusal(said('canceled'))).toBe('canceled');
    expect(parseCancelRefusal(said('aborted'))).toBe('aborted');
    expect(parseCancelRefusal('cancel: cancel-job failed: Job #99 does not exist.')).toBe(
      'missing',
    );
    expect(parseCancelRefusal('cancel: Unauthorized')).toBeNull();
  });
});

describe('media sizes and lp arguments', () => {
  it('reads the page sizes of lpoptions -l with the default and custom support', () => {
    const out = [
      'PageSize/Page Size: Custom.WIDTHxHEIGHT 4x6 *w288h432 A4',
      'Resolution/Output Resolution: 150dpi *300dpi',
    ].join('\n');
    expect(parseMediaSizes(out)).toEqual({
      sizes: [
        { name: '4x6', isDefault: false },
        { name: 'w288h432', isDefault: true },
        { name: 'A4', isDefault: false },
      ],
      supportsCustom: true,
    });
    expect(parseMediaSizes('Resolution/Output Resolution: 300dpi')).toEqual({
      sizes: [],
      supportsCustom: false,
    });
  });

  it('builds lp arguments with the label size, no scaling and the title, file last', () => {
    const args = lpArguments('Zebra', '/tmp/a.pdf', {
      printer: 'Zebra',
      copies: 2,
      media: parseLabelSize('4x6in'),
      orientation: 'portrait',
      scale: 'none',
      title: 'ls-ab12cd34-9',
      hold: true,
    });
    expect(args).toEqual([
      '-d',
      'Zebra',
      '-n',
      '2',
      '-o',
      'media=Custom.4x6in',
      '-o',
      'print-scaling=none',
      '-o',
      'fit-to-page=false',
      '-o',
      'orientation-requested=3',
      '-o',
      'collate=true',
      '-t',
      'ls-ab12cd34-9',
      '-H',
      'indefinite',
      '--',
      '/tmp/a.pdf',
    ]);
  });

  it('asks CUPS to fit or shrink only when the setting says so, and turns for landscape', () => {
    const base = { printer: 'Z', copies: 1, media: parseLabelSize('100x150mm'), title: 't' };
    const fit = lpArguments('Z', 'f', { ...base, orientation: 'landscape', scale: 'fit' });
    expect(fit).toContain('print-scaling=fit');
    expect(fit).toContain('fit-to-page=true');
    expect(fit).toContain('orientation-requested=4');
    expect(fit).toContain('media=Custom.100x150mm');
    expect(fit).not.toContain('-H');
    expect(lpArguments('Z', 'f', { ...base, orientation: 'portrait', scale: 'shrink' })).toContain(
      'print-scaling=auto-fit',
    );
  });

  it('accepts CUPS printer names and nothing a command line could misread', () => {
    for (const ok of ['Zebra_GK420d', 'Rollo-2', 'label.printer', 'x;touch']) {
      expect(isValidPrinterName(ok), ok).toBe(true);
    }
    for (const bad of [
      '',
      '-d',
      'two words',
      'a/b',
      'a\\b',
      'a#b',
      "it's",
      'a"b',
      'a,b',
      'a\nb',
      'x'.repeat(128),
    ]) {
      expect(isValidPrinterName(bad), bad).toBe(false);
    }
  });
});
