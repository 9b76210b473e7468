/**
 * A directory in memory for the tests of the code that keeps accounts in step with the records:
 * it remembers the accounts and the sign-outs, and fails the next calls on request, as a
 * Cognito pool out of reach would. (The Cognito adapter itself is tested against cognito-local.)
 */
import { type AccountKey, type DirectoryAccount, type IdentityDirectory, usernameOf } from "./directory.ts";

export class MemoryDirectory implements IdentityDirectory {
  readonly kind = "memory";
  readonly accounts = new Map<string, DirectoryAccount>();
  readonly signedOut: string[] = [];
  calls = 0;
  /** How many of the next calls fail (Infinity: all of them). */
  failing = 0;

  account(key: AccountKey): DirectoryAccount | undefined {
    return this.accounts.get(usernameOf(key));
  }

  private async call(body: () => void): Promise<void> {
    this.calls++;
    if (this.failing > 0) {
      this.failing--;
      throw Object.assign(new Error("The directory is out of reach (test)"), { name: "NetworkingError" });
    }
    body();
  }

  put(account: DirectoryAccount) {
    return this.call(() => this.accounts.set(usernameOf(account), { ...account }));
  }
  setEnabled(key: AccountKey, enabled: boolean) {
    return this.call(() => {
      const account = this.account(key);
      if (account) account.enabled = enabled;
    });
  }
  signOutEverywhere(key: AccountKey) {
    return this.call(() => this.signedOut.push(usernameOf(key)));
  }
  remove(key: AccountKey) {
    return this.call(() => this.accounts.delete(usernameOf(key)));
  }
  async *list() {
    yield* [...this.accounts.values()].map((account) => ({ ...account }));
  }
}
