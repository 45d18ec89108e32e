import { Logger } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { IdentityProvider, VerifiedSignIn } from './identity-provider';
import { PendingSignIn } from './pending-sign-in';
import { SignInConfig } from './sign-in.config';

type OpenIdClient = typeof import('openid-client');

// openid-client is ESM only. tsc (module commonjs) turns this import() into require(), which Node 20.19+ loads as ESM.
const openIdClient: () => Promise<OpenIdClient> = () => import('openid-client');

/**
 * {@link IdentityProvider} on openid-client (certified by the OpenID Foundation). Discovery runs
 * on the first sign-in, not at start-up, so a provider that is down stops new sign-ins only,
 * never the incident feed; a failed discovery is tried again on the next sign-in.
 */
export class OpenIdClientIdentityProvider implements IdentityProvider {
  private readonly logger = new Logger('SignIn');
  private discovered?: Promise<Configuration>;

  constructor(private readonly config: SignInConfig) {}

  async startSignIn(): Promise<{ url: URL; pending: PendingSignIn }> {
    const client = await openIdClient();
    const configuration = await this.configuration();
    const pending = { codeVerifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUrl.href,
      scope: this.config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  async finishSignIn(callbackQuery: URLSearchParams, pending: PendingSignIn): Promise<VerifiedSignIn> {
    const client = await openIdClient();
    const configuration = await this.configuration();
    const callbackUrl = new URL(this.config.redirectUrl);
    callbackUrl.search = callbackQuery.toString();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    let claims: Record<string, unknown> = { ...idToken };
    const roleClaim = this.config.roleMap.claim.split('.')[0];
    // Many providers put groups in userinfo only, unless the ID token is asked for them.
    if (!Object.hasOwn(idToken, roleClaim) && configuration.serverMetadata().userinfo_endpoint) {
      claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
    }
    return { claims, idTokenExpiresAt: idToken.exp };
  }

  private configuration(): Promise<Configuration> {
    this.discovered ??= this.discover().catch((error: Error) => {
      this.discovered = undefined;
      this.logger.error({ msg: 'OpenID provider discovery failed', issuer: this.config.issuer.href, error: error.message });
      throw error;
    });
    return this.discovered;
  }

  private async discover(): Promise<Configuration> {
    const client = await openIdClient();
    const { issuer, clientId, clientSecret } = this.config;
    const auth = clientSecret ? client.ClientSecretBasic(clientSecret) : client.None();
    // TLS to the token endpoint would be enough under OIDC Core 3.1.3.7; checking the ID token's signature as well costs one JWKS fetch.
    const execute = [client.enableNonRepudiationChecks];
    // The configuration refuses http issuers other than this machine's, so this only serves tests and development.
    if (issuer.protocol === 'http:') execute.push(client.allowInsecureRequests);
    return client.discovery(issuer, clientId, undefined, auth, { execute });
  }
}
