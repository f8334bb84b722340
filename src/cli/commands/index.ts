/** Every `station` sub-command, in the order `station --help` lists them. */
import type { Command } from '../command';
import { labelsCommand } from './labels';
import {
  orderCancelCommand,
  orderCreateCommand,
  statusCommand,
  trackingNumbersCommand,
} from './orders';
import { trackCommand } from './track';
import { inventoryCommand } from './inventory';
import { sandboxCommand } from './sandbox';
import { lookupCommand } from './lookup';
import { cachePruneCommand, cacheStatsCommand } from './cache';
import { printCommand, reprintCommand } from './print';
import { printersCommand } from './printers';
import { jobsCommand } from './jobs';

export const COMMANDS: Command[] = [
  labelsCommand,
  lookupCommand,
  printCommand,
  printersCommand,
  jobsCommand,
  reprintCommand,
  trackingNumbersCommand,
  statusCommand,
  trackCommand,
  inventoryCommand,
  orderCreateCommand,
  orderCancelCommand,
  cacheStatsCommand,
  cachePruneCommand,
  sandboxCommand,
];
