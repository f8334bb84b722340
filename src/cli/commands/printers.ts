/**
 * `station printers`: the printers this computer has, with their state and reasons in
 * plain words; `--label P` / `--document P` choose the station's printers among them.
 */
import { openDatabase } from '../../main/core/db/database';
import { createPrinterPort } from '../../main/core/printing/create-printer-port';
import { choosePrinter, getPrintSettings } from '../../main/core/printing/print-settings';
import { describePrinterProblem, type PrinterInfo } from '../../main/core/printing/printer-port';
import type { Command } from '../command';
import { formatTable, printJson } from '../command';

export const printersCommand: Command = {
  name: 'printers',
  usage: 'printers [--label P] [--document P]',
  summary: 'List printers with state and reasons; choose the label or document printer.',
  options: { label: { type: 'string' }, document: { type: 'string' } },
  async run(ctx, _positionals, values) {
    const db = openDatabase(ctx.dataDir);
    ctx.onClose(() => void db.close());
    const port = createPrinterPort();
    if (values.label) await choosePrinter(db, port, 'label', values.label as string);
    if (values.document) await choosePrinter(db, port, 'document', values.document as string);

    const printers = await port.listPrinters();
    const settings = getPrintSettings(db);
    if (ctx.options.json) {
      printJson(ctx, {
        printers,
        labelPrinter: settings.labelPrinter,
        documentPrinter: settings.documentPrinter,
      });
      return 0;
    }
    if (printers.length === 0) {
      ctx.io.err('This computer has no printers. Add the label printer to the system first.');
      return 1;
    }
    const role = (p: PrinterInfo) =>
      [
        p.name === settings.labelPrinter && 'labels',
        p.name === settings.documentPrinter && 'documents',
        p.isDefault && 'default',
      ]
        .filter(Boolean)
        .join(', ');
    const rows = printers.map((p) => [
      p.name,
      p.state,
      p.accepting ? 'yes' : 'no',
      describePrinterProblem(p) || '-',
      role(p),
    ]);
    ctx.io.out(formatTable(['printer', 'state', 'accepting', 'reasons', 'used for'], rows));
    return 0;
  },
};
