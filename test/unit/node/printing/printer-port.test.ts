import { describe, expect, it } from 'vitest';
import {
  describePrinterProblem,
  describePrinterReason,
} from '../../../../src/main/core/printing/printer-port';

describe('printer-state reasons', () => {
  it('names the reasons a packer meets in plain words, severity apart', () => {
    expect(describePrinterReason('media-empty-error')).toEqual({
      code: 'media-empty',
      severity: 'error',
      words: 'out of labels',
    });
    expect(describePrinterReason('paused')?.words).toBe('paused');
    expect(describePrinterReason('offline-report')).toMatchObject({
      words: 'offline',
      severity: 'report',
    });
    expect(describePrinterReason('door-open-warning')?.words).toBe('door open');
    expect(describePrinterReason('media-jam-error')?.words).toBe('labels jammed');
  });

  it('spells out codes it does not know, and drops none', () => {
    expect(describePrinterReason('fuser-over-temp-warning')?.words).toBe('fuser over temp');
    expect(describePrinterReason('cups-waiting-for-job-completed')?.words).toBe(
      'waiting for job completed',
    );
    expect(describePrinterReason('none')).toBeNull();
  });

  it('sums a printer up in one phrase with its own message', () => {
    const problem = describePrinterProblem({
      name: 'Zebra',
      isDefault: false,
      state: 'stopped',
      accepting: false,
      reasons: [describePrinterReason('paused')!, describePrinterReason('media-empty-error')!],
      message: 'Load a new roll',
    });
    expect(problem).toBe('paused, out of labels, not accepting jobs (Load a new roll)');
  });

  it('says nothing for an idle printer, and "stopped" for a stopped one without reasons', () => {
    const idle = {
      name: 'Z',
      isDefault: true,
      state: 'idle' as const,
      accepting: true,
      reasons: [],
      message: '',
    };
    expect(describePrinterProblem(idle)).toBe('');
    expect(describePrinterProblem({ ...idle, state: 'stopped' })).toBe('stopped');
  });
});
