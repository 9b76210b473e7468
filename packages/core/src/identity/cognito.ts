/**
 * The Cognito adapter of the identity directory: one user pool account per person of the
 * records, named `<tenant>.<userID>` (`platform.<userID>` for platform staff) and carrying
 * `custom:tenant` and `custom:user` (what the ID token says of the caller, `claims.ts`),
 * `name`, `phone_number` in E.164 (`+86…`) and `email`, both marked verified (the district vouches
 * for them: the resident's phone was verified at registration, staff are invited by an admin),
 * so that people sign in with them as aliases. The API's Lambda may call exactly the admin
 * actions used here (`infra/api.ts`).
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
  type CognitoIdentityProviderClientConfig,
  ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { ConflictError, InputError } from "../error.ts";
import { CognitoAttribute } from "./claims.ts";
import { type AccountKey, type DirectoryAccount, type IdentityDirectory, keyOfUsername, usernameOf } from "./directory.ts";

/** The admin actions this adapter calls: the API's IAM policy grants these and no others. */
export const CognitoAdminActions = [
  "cognito-idp:AdminCreateUser",
  "cognito-idp:AdminGetUser",
  "cognito-idp:AdminUpdateUserAttributes",
  "cognito-idp:AdminDeleteUserAttributes",
  "cognito-idp:AdminDisableUser",
  "cognito-idp:AdminEnableUser",
  "cognito-idp:AdminUserGlobalSignOut",
  "cognito-idp:AdminDeleteUser",
  "cognito-idp:ListUsers",
] as const;

export interface CognitoDirectoryOptions {
  userPoolID: string;
  /** cognito-local in tests and local runs (`http://127.0.0.1:9229`); AWS's own otherwise. */
  endpoint?: string;
  /** False: create accounts without Cognito's invitation SMS or e-mail (tests, imports). Default true. */
  invitations?: boolean;
  client?: CognitoIdentityProviderClientConfig;
}

/** `13800000001` → `+8613800000001`; a number already in E.164 stays as it is. */
export function e164(phone: string): string {
  return phone.startsWith("+") ? phone : `+86${phone}`;
}
/** `+8613800000001` → `13800000001`, as the records keep it. */
export function mainland(phone: string): string {
  return phone.startsWith("+86") ? phone.slice(3) : phone;
}

/** The attributes an account should carry (without the verified flags). */
function attributesOf(account: DirectoryAccount): Record<string, string | undefined> {
  return {
    name: account.name,
    [CognitoAttribute.tenant]: account.tenantID ?? undefined,
    [CognitoAttribute.user]: account.userID,
    phone_number: account.phone ? e164(account.phone) : undefined,
    email: account.email || undefined,
  };
}

const attributeMap = (attributes: AttributeType[] | undefined) =>
  Object.fromEntries((attributes ?? []).map((attribute) => [attribute.Name ?? "", attribute.Value ?? ""]));

/**
 * The account an entry of the pool describes. Who it is comes from its username (which the
 * API chose and nobody can change); the custom attributes that tokens carry are reported as
 * found, so that an account whose `custom:tenant`/`custom:user` no longer match shows as drift.
 */
function accountOf(username: string, attributes: Record<string, string>, enabled: boolean): DirectoryAccount | null {
  const key = keyOfUsername(username);
  if (!key) return null;
  return {
    ...key,
    name: attributes.name ?? "",
    ...(attributes.phone_number ? { phone: mainland(attributes.phone_number) } : {}),
    ...(attributes.email ? { email: attributes.email } : {}),
    enabled,
    claims: { tenantID: attributes[CognitoAttribute.tenant] || null, userID: attributes[CognitoAttribute.user] || null },
  };
}

type Command =
  | AdminCreateUserCommand
  | AdminUpdateUserAttributesCommand
  | AdminDeleteUserAttributesCommand
  | AdminEnableUserCommand
  | AdminDisableUserCommand
  | AdminUserGlobalSignOutCommand
  | AdminDeleteUserCommand;

const named = (error: unknown, ...names: string[]) => error instanceof Error && names.includes(error.name);

export class CognitoDirectory implements IdentityDirectory {
  readonly kind = "cognito";
  private readonly client: CognitoIdentityProviderClient;
  private readonly userPoolID: string;
  private readonly invitations: boolean;

  constructor(options: CognitoDirectoryOptions) {
    this.userPoolID = options.userPoolID;
    this.invitations = options.invitations ?? true;
    this.client = new CognitoIdentityProviderClient({
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...options.client,
    });
  }

  /** The account as the pool holds it, or null. */
  async get(key: AccountKey): Promise<DirectoryAccount | null> {
    const found = await this.find(key);
    return found && accountOf(usernameOf(key), found.attributes, found.enabled);
  }

  /** The pool's entry for an account: its attributes as stored, and whether it is enabled. */
  private async find(key: AccountKey): Promise<{ attributes: Record<string, string>; enabled: boolean } | null> {
    try {
      const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolID, Username: usernameOf(key) }));
      return { attributes: attributeMap(user.UserAttributes), enabled: user.Enabled ?? true };
    } catch (error) {
      if (named(error, "UserNotFoundException")) return null;
      throw error;
    }
  }

  async put(account: DirectoryAccount): Promise<void> {
    const existing = await this.find(account);
    if (!existing) {
      try {
        await this.create(account);
        return;
      } catch (error) {
        // Created meanwhile (a retry after a lost reply): update it like any other.
        if (!named(error, "UsernameExistsException")) throw error;
      }
    }
    const current = existing ?? (await this.find(account));
    if (!current) throw new Error(`The account ${usernameOf(account)} vanished while it was being updated.`);
    // Compared with the attributes as stored, custom ones included: a changed `custom:user` is put back.
    const want = attributesOf(account);
    const have = current.attributes;
    const changed = Object.entries(want).filter(([name, value]) => value !== undefined && value !== have[name]);
    const removed = Object.keys(want).filter((name) => want[name] === undefined && have[name] !== undefined);
    if (changed.length)
      await this.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: this.userPoolID,
          Username: usernameOf(account),
          UserAttributes: [
            ...changed.map(([Name, Value]) => ({ Name, Value: Value as string })),
            ...verified(changed.map(([name]) => name)),
          ],
        }),
      );
    if (removed.length)
      await this.send(
        new AdminDeleteUserAttributesCommand({ UserPoolId: this.userPoolID, Username: usernameOf(account), UserAttributeNames: removed }),
      );
    if (current.enabled !== account.enabled) await this.setEnabled(account, account.enabled);
  }

  private async create(account: DirectoryAccount): Promise<void> {
    const attributes = Object.entries(attributesOf(account)).filter((entry): entry is [string, string] => entry[1] !== undefined);
    await this.send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolID,
        Username: usernameOf(account),
        UserAttributes: [...attributes.map(([Name, Value]) => ({ Name, Value })), ...verified(attributes.map(([name]) => name))],
        ...(this.invitations
          ? { DesiredDeliveryMediums: [...(account.phone ? ["SMS" as const] : []), ...(account.email ? ["EMAIL" as const] : [])] }
          : { MessageAction: "SUPPRESS" as const }),
      }),
    );
    if (!account.enabled) await this.setEnabled(account, false);
  }

  async setEnabled(key: AccountKey, enabled: boolean): Promise<void> {
    const input = { UserPoolId: this.userPoolID, Username: usernameOf(key) };
    await this.send(enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input));
  }

  async signOutEverywhere(key: AccountKey): Promise<void> {
    try {
      await this.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolID, Username: usernameOf(key) }));
    } catch (error) {
      // No account, no session to end.
      if (!named(error, "UserNotFoundException")) throw error;
    }
  }

  async remove(key: AccountKey): Promise<void> {
    try {
      await this.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolID, Username: usernameOf(key) }));
    } catch (error) {
      if (!named(error, "UserNotFoundException")) throw error;
    }
  }

  async *list(): AsyncIterable<DirectoryAccount> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListUsersCommand({ UserPoolId: this.userPoolID, PaginationToken: token, Limit: 60 }));
      for (const user of page.Users ?? []) {
        const account = accountOf(user.Username ?? "", attributeMap(user.Attributes), user.Enabled ?? true);
        if (account) yield account;
      }
      token = page.PaginationToken;
    } while (token);
  }

  /** Sends a command; what Cognito will refuse again (an alias taken, a bad attribute) becomes a visible error that is not retried. */
  private async send(command: Command): Promise<void> {
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the client's send is overloaded per command; the reply is not read here.
      await this.client.send(command as any);
    } catch (error) {
      if (named(error, "AliasExistsException"))
        throw new ConflictError(
          "identity.alias_taken",
          "This phone number or e-mail address already signs in to another account of the platform.",
        );
      if (named(error, "InvalidParameterException"))
        throw new InputError("identity.invalid_attribute", `The sign-in directory refused the account: ${(error as Error).message}`);
      throw error;
    }
  }
}

/** The verified flags for the phone and e-mail being set: the district vouches for them. */
function verified(names: string[]): AttributeType[] {
  return [
    ...(names.includes("phone_number") ? [{ Name: "phone_number_verified", Value: "true" }] : []),
    ...(names.includes("email") ? [{ Name: "email_verified", Value: "true" }] : []),
  ];
}
