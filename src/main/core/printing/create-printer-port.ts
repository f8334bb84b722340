/** Picks the printer port of this computer's spooler. */
import type { PrinterPort } from './printer-port';
import { createCupsPort } from './cups-port';
import { createWindowsPort } from './windows-port';

/** Windows through pdf-to-printer, CUPS (Linux, macOS) everywhere else. */
export function createPrinterPort(platform: NodeJS.Platform = process.platform): PrinterPort {
  if (platform === 'win32') {
    // Loaded on first use: the module is Windows-only and ships a 12 MB SumatraPDF.
    return createWindowsPort({ loadModule: () => import('pdf-to-printer') });
  }
  return createCupsPort();
}
