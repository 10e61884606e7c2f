import { errorKind, type Logger } from '@herald/core';
import type { MastodonClient, Status } from '@herald/mastodon';
import type { PostIntent } from './ledger.ts';
import { contentToText, looseText } from './status-text.ts';

export interface ReconcileOptions {
  signal?: AbortSignal;
  /** Pages of the account's statuses to read. @defaultValue 2 */
  pages?: number;
  /** @defaultValue 40 (Mastodon's maximum) */
  pageSize?: number;
  /** Allowed clock difference between us and the server. @defaultValue 300000 */
  skewMs?: number;
}

type ReconcileClient = Pick<
  MastodonClient,
  'verifyCredentials' | 'accountStatuses' | 'statusSource'
>;

/**
 * After an ambiguous outcome, looks for the status the earlier attempt may have created, in
 * the account's newest statuses (first pages, created since the attempt started).
 *
 * Candidates must match the cheap fields exactly (CW, reply target, number of media); the
 * text is then compared with `GET /statuses/:id/source`, which returns the plain text as
 * posted — exact, unlike rendered HTML, where linkification and mention rendering lose
 * information. Servers without `/source` fall back to a whitespace-insensitive comparison of
 * the rendered content converted back to text. The oldest match wins: it is the original.
 */
export async function findPosted(
  client: ReconcileClient,
  intent: PostIntent,
  logger: Logger,
  options: ReconcileOptions = {},
): Promise<Status | undefined> {
  const { signal } = options;
  const cutoff = intent.startedAt - (options.skewMs ?? 300_000);
  const account = (await client.verifyCredentials({ signal })).data;

  const candidates: Status[] = [];
  let next: string | undefined;
  for (let page = 0; page < (options.pages ?? 2); page++) {
    const result = await client.accountStatuses(account.id, {
      limit: options.pageSize ?? 40,
      next,
      signal,
    });
    for (const status of result.data) {
      if (Date.parse(status.created_at) >= cutoff && sameShape(status, intent)) {
        candidates.push(status);
      }
    }
    const oldest = result.data.at(-1);
    next = result.next;
    if (!next || !oldest || Date.parse(oldest.created_at) < cutoff) break;
  }

  candidates.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
  for (const status of candidates) {
    if (await sameText(client, status, intent, signal)) {
      logger.info({ statusId: status.id }, 'reconciled: the earlier attempt had posted');
      return status;
    }
  }
  return undefined;
}

function sameShape(status: Status, intent: PostIntent): boolean {
  return (
    (status.spoiler_text ?? '').trim() === intent.spoilerText.trim() &&
    (status.in_reply_to_id ?? undefined) === intent.inReplyToId &&
    (status.media_attachments?.length ?? 0) === intent.media.length
  );
}

async function sameText(
  client: ReconcileClient,
  status: Status,
  intent: PostIntent,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  try {
    const source = (await client.statusSource(status.id, { signal })).data;
    return source.text.trim() === intent.text.trim();
  } catch (error) {
    if (errorKind(error) !== 'permanent') throw error;
    return looseText(contentToText(status.content)) === looseText(intent.text);
  }
}
