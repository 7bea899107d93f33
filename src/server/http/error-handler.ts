import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { Problem, PROBLEM_CONTENT_TYPE, problems, type FieldError } from './problem.ts';

type Location = NonNullable<FieldError['location']>;

function fieldPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').replaceAll('/', '.');
}

function fastifyErrorToProblem(error: FastifyError): Problem | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'The request body is larger than the server accepts.', {
        errors: [{ path: '', message: 'body too large', location: 'body' }],
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'Send JSON with Content-Type: application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problems.validation(
        [{ path: '', message: 'the body is empty; a JSON object is expected', location: 'body' }],
        'The request body is empty.',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problems.validation(
        [{ path: '', message: 'the body is not valid JSON', location: 'body' }],
        'The request body is not valid JSON.',
      );
    default:
      break;
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return problems.validation([{ path: '', message: error.message, location: 'body' }], error.message);
  }
  if (error.statusCode === 429) {
    return problems.tooManyRequests('Too many requests: slow down and try again shortly.', 60);
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new Problem(error.statusCode, error.message);
  }
  return null;
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  for (const [k, v] of Object.entries(problem.headers)) void reply.header(k, v);
  return reply
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem.toBody(request.url.split('?')[0]));
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof Problem) return sendProblem(reply, request, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const location: Location = error.validationContext ?? 'body';
      const issues = error.validation as { instancePath: string; message?: string | undefined }[];
      const errors: FieldError[] = issues.map((v) => ({
        path: fieldPath(v.instancePath),
        message: v.message ?? 'invalid',
        location,
      }));
      const names = [...new Set(errors.map((e) => e.path || location))].join(', ');
      return sendProblem(reply, request, problems.validation(errors, `Invalid ${location}: ${names}.`));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, request, new Problem(500, 'The server produced an invalid response.'));
    }
    const mapped = fastifyErrorToProblem(error);
    if (mapped) return sendProblem(reply, request, mapped);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, new Problem(500, 'An unexpected error occurred.'));
  });
}
