// Mastodon's REST entities (Account, CredentialAccount, MediaAttachment, Status, StatusSource)
// built from the sandbox's records. `base` is the origin the client reached us at.
import { hashtagNames, renderContent } from './content.ts';
import type { AccountRecord, MediaRecord, SandboxState, StatusRecord } from './state.ts';
import { isProcessed } from './state.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => `${iso(ms).slice(0, 10)}T00:00:00.000Z`;

export function serializeAccount(state: SandboxState, base: string, account: AccountRecord) {
  const statuses = [...state.statuses.values()].filter((s) => s.accountId === account.id);
  const last = statuses.reduce((max, s) => Math.max(max, s.createdAt), 0);
  return {
    id: account.id,
    username: account.username,
    acct: account.username,
    display_name: account.username,
    locked: false,
    bot: true,
    discoverable: false,
    indexable: false,
    group: false,
    created_at: day(account.createdAt),
    note: '',
    url: `${base}/@${account.username}`,
    uri: `${base}/users/${account.username}`,
    avatar: `${base}/avatars/original/missing.png`,
    avatar_static: `${base}/avatars/original/missing.png`,
    header: `${base}/headers/original/missing.png`,
    header_static: `${base}/headers/original/missing.png`,
    followers_count: 0,
    following_count: 0,
    statuses_count: statuses.length,
    last_status_at: last ? iso(last).slice(0, 10) : null,
    hide_collections: null,
    noindex: false,
    emojis: [],
    roles: [],
    fields: [],
  };
}

export function serializeCredentialAccount(
  state: SandboxState,
  base: string,
  account: AccountRecord,
) {
  return {
    ...serializeAccount(state, base, account),
    source: {
      privacy: 'public',
      sensitive: false,
      language: null,
      note: '',
      fields: [],
      follow_requests_count: 0,
      hide_collections: null,
      discoverable: false,
      indexable: false,
    },
    role: { id: '-99', name: '', permissions: '0', color: '', highlighted: false },
  };
}

export function serializeMedia(state: SandboxState, base: string, media: MediaRecord) {
  const ready = isProcessed(state, media);
  const file = `${base}/system/media_attachments/files/${media.id}/original/${encodeURIComponent(media.filename)}`;
  const original =
    media.width && media.height
      ? {
          width: media.width,
          height: media.height,
          size: `${media.width}x${media.height}`,
          aspect: media.width / media.height,
        }
      : {};
  return {
    id: media.id,
    type: media.type,
    url: ready ? file : null,
    preview_url: media.type === 'image' || ready ? file : null,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: { original, focus: media.focus },
    description: media.description === '' ? null : media.description,
    blurhash: null,
  };
}

export interface StatusView {
  /** Include `text` (the delete response and redraft flows carry the source). */
  withSource?: boolean;
}

export function serializeStatus(
  state: SandboxState,
  base: string,
  status: StatusRecord,
  view: StatusView = {},
) {
  const account = state.accounts.get(status.accountId)!;
  const app = status.appId ? state.apps.get(status.appId) : undefined;
  const media = status.mediaIds
    .map((id) => state.media.get(id))
    .filter((m): m is MediaRecord => m !== undefined)
    .map((m) => serializeMedia(state, base, m));
  const tags = hashtagNames(status.text).map((name) => ({
    name,
    url: `${base}/tags/${encodeURIComponent(name)}`,
  }));
  return {
    id: status.id,
    created_at: iso(status.createdAt),
    in_reply_to_id: status.inReplyToId,
    in_reply_to_account_id: status.inReplyToAccountId,
    sensitive: status.sensitive,
    spoiler_text: status.spoilerText,
    visibility: status.visibility,
    language: status.language,
    uri: `${base}/users/${account.username}/statuses/${status.id}`,
    url: `${base}/@${account.username}/${status.id}`,
    replies_count: [...state.statuses.values()].filter((s) => s.inReplyToId === status.id).length,
    reblogs_count: 0,
    favourites_count: 0,
    quotes_count: 0,
    edited_at: status.editedAt === null ? null : iso(status.editedAt),
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    content: renderContent(status.text, base),
    ...(view.withSource ? { text: status.text } : {}),
    filtered: [],
    reblog: null,
    application: app
      ? { name: app.name, website: app.website }
      : { name: 'Herald sandbox', website: null },
    account: serializeAccount(state, base, account),
    media_attachments: media,
    mentions: [],
    tags,
    emojis: [],
    quote: null,
    card: null,
    poll: null,
  };
}

export function serializeSource(status: StatusRecord) {
  return { id: status.id, text: status.text, spoiler_text: status.spoilerText };
}
