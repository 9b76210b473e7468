/**
 * Signing out everywhere (`User.signOutEverywhere`, and disabling a user) writes the record's
 * `sessionsValidAfter` (ISO, rounded up to the second). A token, or a refresh token, issued
 * before it is refused: by the API on each request, and by the local OpenID provider when a
 * refresh token is used. On AWS the Cognito pool also revokes the refresh tokens itself
 * (AdminUserGlobalSignOut); this check covers the ID and access tokens already out, which
 * Cognito cannot recall and which live up to an hour.
 */

/** True when a token issued at `issuedAt` (seconds since the epoch, a JWT's `iat`) is from before the last sign-out. */
export function signedOutSince(issuedAt: number, sessionsValidAfter: string | undefined | null): boolean {
  if (!sessionsValidAfter) return false;
  const from = Date.parse(sessionsValidAfter);
  return Number.isFinite(from) && issuedAt * 1000 < from;
}
