// A failed zod parse as one line a person can act on: "field.path: what is wrong; …".
import type { z } from 'zod';
import { zodIssues } from '../store/errors';

export function problems(error: z.ZodError): string {
  return zodIssues(error)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
}
