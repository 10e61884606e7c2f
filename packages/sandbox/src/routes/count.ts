// POST /__sandbox/count {status, spoiler_text} → {length}: the sandbox's own count, so that
// agreement with Herald's counter can be measured, not only accept/reject. No auth, no limits.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.ts';
import { countStatusLength, isBlank } from '../length/count.ts';
import { requestParams, stringParam } from '../params.ts';

export function countRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/__sandbox/count', async (request) => {
    const params = requestParams(request);
    let text = stringParam(params, 'status') ?? '';
    let spoilerText = stringParam(params, 'spoiler_text') ?? '';
    // Exactly what creating the status would validate: a CW without a body becomes the body.
    if (isBlank(text) && !isBlank(spoilerText)) {
      text = spoilerText;
      spoilerText = '';
    }
    return { length: countStatusLength(text, spoilerText, ctx.settings.urlChars) };
  });
}
