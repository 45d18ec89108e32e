import { applyDecorators } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';

const WHO = 'Who: anyone (public): the browser, before it has a token.';

// A refused sign-in is a page for the person in front of it, not JSON for a client.
const problemPage = (status: number, description: string) => ApiResponse({ status, description, schema: { type: 'string', description: 'an HTML page saying what to do' } });

/** GET /auth/providers. */
export const ApiSignInProviders = () =>
  applyDecorators(
    ApiOperation({ summary: 'Whether OpenID Connect sign-in is configured (otherwise only issued tokens work)', description: WHO }),
    ApiOkResponse({ schema: { type: 'object', properties: { oidc: { type: 'boolean' }, loginUrl: { type: 'string', description: 'present when oidc is true' } }, required: ['oidc'] } }),
  );

/** GET /auth/login. */
export const ApiSignInLogin = () =>
  applyDecorators(
    ApiOperation({ summary: 'Start signing in: the browser is sent to the identity provider (authorization code + PKCE)', description: `${WHO} Only when OpenID Connect is configured.` }),
    ApiProduces('text/html'),
    ApiFoundResponse({ description: "To the identity provider's authorization URL; a short-lived HttpOnly cookie holds the pending sign-in.", headers: { Location: { schema: { type: 'string' } } } }),
    problemPage(502, 'The identity provider cannot be reached.'),
  );

/** GET /auth/callback. */
export const ApiSignInCallback = () =>
  applyDecorators(
    ApiOperation({
      summary: "The identity provider's redirect back: becomes a Vigil session token for the page",
      description: `${WHO} The token is handed over in the URL fragment (/#token=…), so it never reaches a server or proxy log.`,
    }),
    ApiQuery({ name: 'code', required: false, type: String, description: 'authorization code, from the identity provider' }),
    ApiQuery({ name: 'state', required: false, type: String, description: 'must match the pending sign-in' }),
    ApiQuery({ name: 'iss', required: false, type: String, description: 'the issuer, when the identity provider sends it' }),
    ApiQuery({ name: 'error', required: false, type: String, description: 'the identity provider refused' }),
    ApiProduces('text/html'),
    ApiFoundResponse({ description: 'Signed in: to /#token=<session token>.', headers: { Location: { schema: { type: 'string' } } } }),
    problemPage(400, 'No pending sign-in (expired, or another browser), or the answer could not be verified, or it expired on the way.'),
    problemPage(403, 'Signed in, but the claims map to no Vigil role (or to more than one).'),
  );
