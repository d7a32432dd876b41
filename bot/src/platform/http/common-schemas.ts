import { z } from 'zod';

/** A week as the API names it ("2026-W48"): trust health and recognitions are kept by week. */
export const isoWeekView = z
  .string()
  .regex(/^\d{4}-W\d{2}$/)
  .meta({ example: '2026-W48' });
