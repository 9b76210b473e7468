/**
 * The local directory: the local OpenID provider signs people in from the district's records
 * themselves (`status`, `sessionsValidAfter`), so there is no second copy to keep in step.
 * Every call succeeds and changes nothing; "sign out everywhere" is the record's
 * `sessionsValidAfter`, which `User.signOutEverywhere` writes whatever the directory.
 */
import type { AccountKey, DirectoryAccount, IdentityDirectory } from "./directory.ts";

export class LocalDirectory implements IdentityDirectory {
  readonly kind = "local";
  async put(_account: DirectoryAccount): Promise<void> {}
  async setEnabled(_account: AccountKey, _enabled: boolean): Promise<void> {}
  async signOutEverywhere(_account: AccountKey): Promise<void> {}
  async remove(_account: AccountKey): Promise<void> {}
  list(): null {
    return null;
  }
}
