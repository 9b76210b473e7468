/** The local OpenID provider's fixed settings, which the API's verifier also needs (pure data: no provider code). */

/** The portal's client at the local provider: the audience of the ID tokens the API accepts. */
export const LocalPortalClientID = "wangge-portal";
/** Where the provider answers, under the API's URL. */
export const LocalProviderPath = "/oidc";
/** ID (and access) tokens live an hour; the portal renews them with its refresh token. */
export const TokenLifetimeSeconds = 3600;
