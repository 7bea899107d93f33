import { z } from 'zod';
import { ProblemBody } from './problem.schemas.ts';

export const IdParams = z.object({ id: z.uuid() });

export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The error responses every authenticated route can give. */
export const COMMON_ERRORS = {
  400: ProblemBody,
  401: ProblemBody,
  403: ProblemBody,
  404: ProblemBody,
} as const;
