import { Duration, Stack } from "aws-cdk-lib";
import { AccountRecovery, ClientAttributes, StringAttribute, UserPool, type UserPoolClient } from "aws-cdk-lib/aws-cognito";
import type { Construct } from "constructs";
import { isDevStage, removalPolicyFor } from "./storage.ts";

export interface AuthProps {
  stage: string;
}

export interface Auth {
  userPool: UserPool;
  /** The portal's client: its id is the `aud` of the ID tokens the API accepts. */
  client: UserPoolClient;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of every token. */
  issuer: string;
  /** `<issuer>/.well-known/jwks.json`: the keys the API verifies tokens with. */
  jwksUrl: string;
  /** The client id, i.e. the ID token's `aud` claim. */
  audience: string;
}

/**
 * Custom attributes the API reads from the ID token (`custom:tenant`, `custom:roles`,
 * `custom:province`). Only administrators set them (AdminUpdateUserAttributes): the portal
 * client may read but never write them, or a user could grant themselves a role or a tenant.
 */
export const CUSTOM_ATTRIBUTES = ["tenant", "roles", "province"] as const;

export function createAuth(scope: Construct, props: AuthProps): Auth {
  const dev = isDevStage(props.stage);

  const userPool = new UserPool(scope, "UserPool", {
    // Staff sign in with their phone number or email; nobody signs themselves up.
    signInAliases: { phone: true, email: true },
    signInCaseSensitive: false,
    selfSignUpEnabled: false,
    autoVerify: { email: true, phone: true },
    accountRecovery: AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
    standardAttributes: {
      fullname: { required: false, mutable: true },
    },
    customAttributes: {
      /** The tenant (a district / street office) the user belongs to. */
      tenant: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      /** Comma-separated access roles, e.g. `grid_worker,dispatcher`. */
      roles: new StringAttribute({ minLen: 0, maxLen: 512, mutable: true }),
      /** Set for provincial users who see aggregates across tenants. */
      province: new StringAttribute({ minLen: 0, maxLen: 64, mutable: true }),
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
    deletionProtection: !dev,
    removalPolicy: removalPolicyFor(props.stage),
  });

  const client = userPool.addClient("PortalClient", {
    generateSecret: false,
    // SRP for sign-in; CDK always adds ALLOW_REFRESH_TOKEN_AUTH.
    authFlows: { userSrp: true },
    // The portal signs in with SRP directly: no hosted UI, no OAuth redirects.
    disableOAuth: true,
    preventUserExistenceErrors: true,
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
    writeAttributes: new ClientAttributes().withStandardAttributes({
      email: true,
      phoneNumber: true,
      fullname: true,
    }),
  });

  // urlSuffix is amazonaws.com (amazonaws.com.cn in the China partition).
  const stack = Stack.of(scope);
  const issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${userPool.userPoolId}`;
  return {
    userPool,
    client,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    audience: client.userPoolClientId,
  };
}
