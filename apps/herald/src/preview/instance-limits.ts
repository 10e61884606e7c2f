import {
  createMastodonClient,
  type InstanceLimits,
  MASTODON_DEFAULT_LIMITS,
} from '@herald/mastodon';

/**
 * An instance's limits for a preview: asked through the Mastodon client (`/api/v2/instance`,
 * then v1), and — unlike the running service, which retries rather than fit to a guess —
 * Mastodon's defaults with a warning when the instance cannot be read.
 */
export async function previewLimits(
  instance: string,
  signal: AbortSignal,
  warn: (message: string) => void,
): Promise<InstanceLimits> {
  const client = createMastodonClient({ instance, fetchTimeoutMs: 10_000 });
  try {
    return (await client.instanceLimits({ signal })).data;
  } catch (error) {
    if (signal.aborted) throw error;
    warn(
      `could not read the limits of ${instance} (${(error as Error).message}); using Mastodon's defaults`,
    );
    return MASTODON_DEFAULT_LIMITS;
  } finally {
    await client.close();
  }
}
