import { Webhooks } from '@octokit/webhooks';

/**
 * Verifies `X-Hub-Signature-256` over the raw body with @octokit/webhooks (HMAC-SHA256,
 * constant-time compare). Several secrets may be valid at once during a rotation; each
 * gets its own `Webhooks` instance because `verify` checks only the instance's secret.
 */
export function createSignatureVerifier(
  secrets: readonly string[],
): (payload: string, signature: string) => Promise<boolean> {
  const verifiers = secrets.map((secret) => new Webhooks({ secret }));
  return async (payload, signature) => {
    for (const webhooks of verifiers) {
      // verify() throws on an empty payload or signature: that is a mismatch too.
      if (await webhooks.verify(payload, signature).catch(() => false)) return true;
    }
    return false;
  };
}
