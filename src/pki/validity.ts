/** Certificate lifetimes, as k3s: CAs for ten years, leaf certificates for one year. */
export const CA_VALIDITY_DAYS = 3650;
export const LEAF_VALIDITY_DAYS = 365;
/** k3s renews a leaf certificate once fewer than 90 days remain. */
export const RENEW_BEFORE_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The validity window of a new certificate. notBefore is backdated a minute so a
 * peer whose clock runs slightly behind does not reject a freshly issued certificate.
 */
export function validityWindow(now: Date, days: number): { notBefore: Date; notAfter: Date } {
  return { notBefore: new Date(now.getTime() - 60_000), notAfter: new Date(now.getTime() + days * DAY_MS) };
}

export function needsRenewal(notAfter: Date, now: Date): boolean {
  return notAfter.getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS;
}
