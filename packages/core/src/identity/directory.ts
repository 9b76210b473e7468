/**
 * The identity directory (账号目录): where people's sign-in accounts live, kept in step with
 * the district's records. The records decide (who exists, who is enabled); the directory follows
 * them. On AWS it is the Cognito user pool (`cognito.ts`); locally the records are the directory
 * themselves, since the local OpenID provider reads them (`local.ts`).
 *
 * This folder sits below `user/`: it knows accounts, not users. `user/accounts.ts` maps records
 * to accounts, calls the directory after each change and rolls back when it cannot.
 */
import { VisibleError } from "../error.ts";

/** One sign-in account, as the directory holds it. */
export interface DirectoryAccount {
  /** The district's slug; null for platform staff (the operator, provincial admins). */
  tenantID: string | null;
  /** The user's ID in the district's records (or the staff record's ID). */
  userID: string;
  name: string;
  /** Mainland mobile number as stored in the records (`13800000001`); the adapter formats it. */
  phone?: string;
  email?: string;
  /** False: the account may not sign in (a disabled user). */
  enabled: boolean;
  /**
   * Listed accounts only: the district and user the account's tokens would name, as the
   * directory stores them (null: absent). They must be the account's own, or drift.
   */
  claims?: { tenantID: string | null; userID: string | null };
}

export interface IdentityDirectory {
  /** Which directory this is (`cognito`, `local`): for logs and the reconcile's report. */
  readonly kind: string;
  /** Creates the account, or updates its attributes and enabled state: idempotent. */
  put(account: DirectoryAccount): Promise<void>;
  setEnabled(account: AccountKey, enabled: boolean): Promise<void>;
  /** Revokes every refresh token of the account (Cognito: AdminUserGlobalSignOut). */
  signOutEverywhere(account: AccountKey): Promise<void>;
  /** Deletes the account; an account that is not there is no error. */
  remove(account: AccountKey): Promise<void>;
  /** Every account the directory holds, or null when the records are the directory (nothing to reconcile). */
  list(): AsyncIterable<DirectoryAccount> | null;
}

export type AccountKey = Pick<DirectoryAccount, "tenantID" | "userID">;

/** The directory's name for an account: stable, so that it is found without a search. */
export function usernameOf(account: AccountKey): string {
  return `${account.tenantID ?? PlatformPrefix}.${account.userID}`;
}
/** Platform staff belong to no district: their usernames start with this (a reserved slug). */
export const PlatformPrefix = "platform";

/** The account a username names, or null for a username this product did not make. */
export function keyOfUsername(username: string): AccountKey | null {
  // A district's slug (or the platform), a dot, the user's ID: an e-mail address or a UUID is not ours.
  const match = /^([a-z][a-z0-9-]*[a-z0-9])\.([A-Za-z0-9_-]+)$/.exec(username);
  if (!match) return null;
  return { tenantID: match[1] === PlatformPrefix ? null : match[1], userID: match[2] };
}

/** The directory could not be reached or refused a change it should take: try again later. */
export class DirectoryUnavailableError extends VisibleError {
  constructor(message = "The sign-in directory could not be updated; nothing was changed. Try again in a moment.") {
    super("unavailable", "identity.directory_unavailable", message);
  }
}

let current: IdentityDirectory | undefined;

/** The directory of this process: set at start-up, else chosen from the environment. */
export async function useDirectory(): Promise<IdentityDirectory> {
  current ??= await fromEnvironment();
  return current;
}

/** Replaces the directory (start-up, tests); `undefined` goes back to the environment's. */
export function setDirectory(directory: IdentityDirectory | undefined): void {
  current = directory;
}

/** Cognito when `USER_POOL_ID` is set (on AWS, or cognito-local with `COGNITO_ENDPOINT`), else the records. */
async function fromEnvironment(): Promise<IdentityDirectory> {
  const userPoolID = process.env.USER_POOL_ID;
  if (userPoolID) {
    const { CognitoDirectory } = await import("./cognito.ts");
    return new CognitoDirectory({ userPoolID, endpoint: process.env.COGNITO_ENDPOINT });
  }
  const { LocalDirectory } = await import("./local.ts");
  return new LocalDirectory();
}

/**
 * Runs a directory call up to `attempts` times, waiting a little longer each time; the last
 * failure is thrown. Errors the directory will repeat (a refused input) are not retried.
 */
export async function withRetry<T>(call: () => Promise<T>, attempts = 3, delayMs = 100): Promise<T> {
  let failure: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await call();
    } catch (error) {
      failure = error;
      if (error instanceof VisibleError && error.kind !== "unavailable") throw error;
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)));
    }
  }
  throw failure;
}
