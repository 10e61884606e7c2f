/** The parts of Mastodon's entities Herald reads; servers send more. */

export interface Account {
  id: string;
  username: string;
  acct: string;
  url?: string;
}

export interface MediaAttachment {
  id: string;
  type: string;
  /** Null while the server is still processing the file. */
  url: string | null;
  preview_url?: string | null;
  description?: string | null;
}

export interface Status {
  id: string;
  created_at: string;
  /** Rendered HTML. */
  content: string;
  spoiler_text: string;
  visibility: string;
  sensitive: boolean;
  language?: string | null;
  in_reply_to_id?: string | null;
  url?: string | null;
  edited_at?: string | null;
  media_attachments: MediaAttachment[];
  account?: Account;
}

/** `GET /api/v1/statuses/:id/source`: the plain text as the author wrote it. */
export interface StatusSource {
  id: string;
  text: string;
  spoiler_text: string;
}

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

/** Body of `POST /api/v1/statuses`. */
export interface NewStatus {
  status: string;
  spoiler_text?: string;
  visibility?: Visibility;
  language?: string;
  sensitive?: boolean;
  media_ids?: string[];
  in_reply_to_id?: string;
}

/**
 * Body of `PUT /api/v1/statuses/:id`. An edit replaces the whole status, so every field is
 * required: an omitted `media_ids` would remove the media, an omitted `spoiler_text` the CW.
 */
export interface StatusEdit {
  status: string;
  spoiler_text: string;
  sensitive: boolean;
  /** Null keeps the server's choice (the account's default language). */
  language: string | null;
  media_ids: string[];
}
