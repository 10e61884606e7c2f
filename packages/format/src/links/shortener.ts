/** Turns a long URL into a short one. Must be deterministic enough that a retry agrees. */
export interface Shortener {
  shorten(url: string): Promise<string>;
}

/** The default: links are posted as they are (after tracking parameters are removed). */
export const noShortener: Shortener = {
  shorten: async (url) => url,
};
