import { Duration, Stack } from "aws-cdk-lib";
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolEmail,
} from "aws-cdk-lib/aws-cognito";
import type { Construct } from "constructs";
import { isDevStage, removalPolicyFor } from "./storage.ts";

export interface AuthProps {
  stage: string;
  /**
   * The portal's URLs (`https://portal.example.cn`, no trailing slash): the managed login sends
   * people back to `<url>/auth/callback` after signing in and to `<url>/` after signing out.
   * Dev stages default to the local portal (`http://localhost:5173`); other stages must set them.
   */
  portalUrls?: string[];
  /** The managed login's domain prefix (`<prefix>.auth.<region>.amazoncognito.com`). Default {@link loginDomainPrefix}. */
  domainPrefix?: string;
  /**
   * Invitations and verification e-mails through Amazon SES, from this sender (an address or
   * domain verified in SES, out of the SES sandbox). Without it Cognito sends them itself, which
   * allows only a few dozen e-mails a day: fine for a trial, not for a district's staff.
   */
  email?: SesEmail;
}

export interface SesEmail {
  /** The sender's address (`no-reply@example.cn`), verified in SES itself or through `verifiedDomain`. */
  from: string;
  /** The name shown beside it (`网格 Wangge`). */
  fromName?: string;
  /** Where replies go. Default: `from`. */
  replyTo?: string;
  /** The SES identity that is a verified domain (`example.cn`) when `from` itself is not verified. */
  verifiedDomain?: string;
  /** The SES region, when not the user pool's own. */
  region?: string;
}

/** The SES settings `WANGGE_EMAIL_FROM` (and `_FROM_NAME`, `_REPLY_TO`, `_DOMAIN`, `_SES_REGION`) describe, if any. */
export function sesEmailFromEnv(env: NodeJS.ProcessEnv = process.env): SesEmail | undefined {
  const from = env.WANGGE_EMAIL_FROM?.trim();
  if (!from) return undefined;
  const optional = (name: string) => env[name]?.trim() || undefined;
  return {
    from,
    fromName: optional("WANGGE_EMAIL_FROM_NAME"),
    replyTo: optional("WANGGE_EMAIL_REPLY_TO"),
    verifiedDomain: optional("WANGGE_EMAIL_DOMAIN"),
    region: optional("WANGGE_EMAIL_SES_REGION"),
  };
}

/** The managed login's domain prefix unless one is given: `wangge-<stage>-<account>`. */
export function loginDomainPrefix(stage: string, account: string): string {
  return `wangge-${stage}-${account}`;
}

/**
 * The hosts the portal's scripts call to sign in, for its Content-Security-Policy: the issuer
 * (`cognito-idp.<region>…`: discovery and keys) and the managed login (`…amazoncognito.com`: the
 * token endpoint). Known before the pool exists, so the portal's distribution may come first.
 */
export function signInOrigins(scope: Construct, stage: string, domainPrefix?: string): string[] {
  const stack = Stack.of(scope);
  return [
    `https://cognito-idp.${stack.region}.${stack.urlSuffix}`,
    `https://${domainPrefix ?? loginDomainPrefix(stage, stack.account)}.auth.${stack.region}.amazoncognito.com`,
  ];
}

export interface Auth {
  userPool: UserPool;
  /** The portal's client: its id is the `aud` of the ID tokens the API accepts. */
  client: UserPoolClient;
  /** The managed login's domain (sign-in, sign-out and token endpoints). */
  domain: UserPoolDomain;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of every token. */
  issuer: string;
  /** `<issuer>/.well-known/jwks.json`: the keys the API verifies tokens with. */
  jwksUrl: string;
  /** The client id, i.e. the ID token's `aud` claim. */
  audience: string;
}

/** What the portal asks the managed login for. */
export const PortalScopes = ["openid", "phone", "email", "profile"] as const;

/** Where the portal receives the authorization code, and where it lands after signing out. */
export const PortalPaths = { callback: "/auth/callback", signedOut: "/" } as const;

/**
 * Custom attributes the ID token carries (`custom:tenant`, `custom:user`): WHO the caller is
 * (`packages/core/src/identity/claims.ts`), never what they may do — roles and status are read
 * from the district's records on each request. Only administrators set them (the API, through
 * AdminCreateUser/AdminUpdateUserAttributes): the portal client may read but never write them,
 * or a user could move themself into another district or become another user.
 */
export const CUSTOM_ATTRIBUTES = ["tenant", "user"] as const;

/** The portal's URLs for a stage: the ones given, the local portal on dev stages, else an error. */
export function resolvePortalUrls(stage: string, urls?: string[]): string[] {
  const list = (urls ?? []).map((url) => url.trim().replace(/\/+$/, "")).filter((url) => url && url !== "*");
  if (list.length > 0) return list;
  if (isDevStage(stage)) return ["http://localhost:5173"];
  throw new Error(
    `Stage "${stage}" needs the portal's URLs for sign-in (e.g. WANGGE_PORTAL_ORIGINS=https://portal.example.cn): ` +
      "the managed login sends people back only to URLs it knows.",
  );
}

export function createAuth(scope: Construct, props: AuthProps): Auth {
  const dev = isDevStage(props.stage);
  const stack = Stack.of(scope);
  const portalUrls = resolvePortalUrls(props.stage, props.portalUrls);

  const userPool = new UserPool(scope, "UserPool", {
    // Usernames are the records' (`<district>.<userID>`, made by the API); people sign in with
    // their phone number (residents and staff) or e-mail address (staff), verified aliases.
    signInAliases: { username: true, phone: true, email: true },
    signInCaseSensitive: false,
    // Accounts follow the district's records: only the API creates them (AdminCreateUser).
    selfSignUpEnabled: false,
    autoVerify: { email: true, phone: true },
    accountRecovery: AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
    // Managed login (the newer branding version) needs Essentials or above.
    featurePlan: FeaturePlan.ESSENTIALS,
    standardAttributes: {
      fullname: { required: false, mutable: true },
      phoneNumber: { required: false, mutable: true },
      email: { required: false, mutable: true },
    },
    customAttributes: {
      /** The district (tenant) the account belongs to; absent for platform staff. */
      tenant: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      /** The user's ID in the district's records (or the staff record's). */
      user: new StringAttribute({ minLen: 1, maxLen: 80, mutable: true }),
    },
    passwordPolicy: {
      minLength: 10,
      requireLowercase: true,
      requireUppercase: false,
      requireDigits: true,
      requireSymbols: false,
      tempPasswordValidity: Duration.days(7),
    },
    userInvitation: {
      emailSubject: "网格 Wangge: your account / 您的账号",
      emailBody: "您的用户名 Your username: {username}<br/>临时密码 Temporary password: {####}",
      smsMessage: "网格 Wangge 用户名 {username} 临时密码 {####}",
    },
    email: props.email
      ? UserPoolEmail.withSES({
          fromEmail: props.email.from,
          fromName: props.email.fromName,
          replyTo: props.email.replyTo,
          sesVerifiedDomain: props.email.verifiedDomain,
          sesRegion: props.email.region,
        })
      : UserPoolEmail.withCognito(),
    deletionProtection: !dev,
    removalPolicy: removalPolicyFor(props.stage),
  });

  const client = userPool.addClient("PortalClient", {
    // A public client (a browser app): no secret, so the code flow is protected by PKCE.
    generateSecret: false,
    // The managed login signs people in; CDK always adds ALLOW_REFRESH_TOKEN_AUTH.
    authFlows: { userSrp: true },
    oAuth: {
      flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
      scopes: [OAuthScope.OPENID, OAuthScope.PHONE, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: portalUrls.map((url) => `${url}${PortalPaths.callback}`),
      logoutUrls: portalUrls.map((url) => `${url}${PortalPaths.signedOut}`),
    },
    supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
    preventUserExistenceErrors: true,
    // Refresh tokens can be revoked (sign-out, AdminUserGlobalSignOut).
    enableTokenRevocation: true,
    idTokenValidity: Duration.hours(1),
    accessTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.days(30),
    readAttributes: new ClientAttributes()
      .withStandardAttributes({
        email: true,
        emailVerified: true,
        phoneNumber: true,
        phoneNumberVerified: true,
        fullname: true,
      })
      .withCustomAttributes(...CUSTOM_ATTRIBUTES),
    // Contact details change through the district's records (the API), never from the browser.
    writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
  });

  const domain = userPool.addDomain("LoginDomain", {
    cognitoDomain: { domainPrefix: props.domainPrefix ?? loginDomainPrefix(props.stage, stack.account) },
    managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
  });
  // The newer managed login shows a client's pages only once it has a branding style.
  new CfnManagedLoginBranding(scope, "PortalLoginBranding", {
    userPoolId: userPool.userPoolId,
    clientId: client.userPoolClientId,
    useCognitoProvidedValues: true,
  });

  // urlSuffix is amazonaws.com (amazonaws.com.cn in the China partition).
  const issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${userPool.userPoolId}`;
  return {
    userPool,
    client,
    domain,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    audience: client.userPoolClientId,
  };
}
