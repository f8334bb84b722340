/**
 * Turns zod's compiled parsers off before any schema exists. The CSP forbids eval, and zod
 * probes for it when an object schema is built — at import time of the shared contract — so
 * this module must be the entry's first import, ahead of everything that reaches a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
