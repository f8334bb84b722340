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

export const COMMANDS: Command[] = [
  labelsCommand,
  trackingNumbersCommand,
  statusCommand,
  trackCommand,
  inventoryCommand,
  orderCreateCommand,
  orderCancelCommand,
  sandboxCommand,
];
