import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AUTH_SECRET, signToken } from '@vigil/auth';
import { principalFromClaims } from './claims-to-principal';
import { IDENTITY_PROVIDER, IdentityProvider, VerifiedSignIn } from './identity-provider';
import { openPendingSignIn, PENDING_SIGN_IN_COOKIE, PENDING_SIGN_IN_SECONDS, readCookie, sealPendingSignIn } from './pending-sign-in';
import { ApiSignInCallback, ApiSignInLogin } from './sign-in-openapi';
import { SIGN_IN_CONFIG } from './sign-in.tokens';
import { REFUSAL_MESSAGES, signInProblemPage } from './sign-in-page';
import { sessionSeconds } from './session-lifetime';
import { SignInConfig } from './sign-in.config';

/**
 * OpenID Connect sign-in: /auth/login sends the browser to the identity provider, /auth/callback
 * turns what it brings back into a Vigil session token, handed to the page in the URL fragment
 * so it never reaches a server or proxy log.
 */
@ApiTags('sign-in')
@Controller('auth')
export class SignInController {
  private readonly logger = new Logger('SignIn');

  constructor(
    @Inject(SIGN_IN_CONFIG) private readonly config: SignInConfig,
    @Inject(IDENTITY_PROVIDER) private readonly idp: IdentityProvider,
    @Inject(AUTH_SECRET) private readonly secret: string,
  ) {}

  @Get('login')
  @ApiSignInLogin()
  async login(@Res() response: Response): Promise<void> {
    let started: Awaited<ReturnType<IdentityProvider['startSignIn']>>;
    try {
      started = await this.idp.startSignIn();
    } catch {
      this.problem(response, 502, 'Sign-in is unavailable', 'Vigil cannot reach your identity provider just now. Try again in a minute.');
      return;
    }
    response.cookie(PENDING_SIGN_IN_COOKIE, sealPendingSignIn(started.pending, this.secret), this.cookieOptions(PENDING_SIGN_IN_SECONDS));
    response.redirect(302, started.url.href);
  }

  @Get('callback')
  @ApiSignInCallback()
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pending = openPendingSignIn(readCookie(request.headers.cookie, PENDING_SIGN_IN_COOKIE), this.secret);
    response.clearCookie(PENDING_SIGN_IN_COOKIE, this.cookieOptions());
    if (!pending) {
      this.logger.warn({ msg: 'sign-in refused', reason: 'no-pending-sign-in' });
      this.problem(response, 400, 'Sign-in expired', 'This sign-in took too long or was started in another browser. Start again.');
      return;
    }
    let verified: VerifiedSignIn;
    try {
      verified = await this.idp.finishSignIn(new URL(request.originalUrl, 'http://callback').searchParams, pending);
    } catch (error) {
      this.logger.warn({ msg: 'sign-in refused', reason: 'provider-response-invalid', ...failedCheck(error) });
      this.problem(response, 400, 'Sign-in failed', 'Your identity provider\'s answer could not be verified. Start again.');
      return;
    }
    const mapped = principalFromClaims(verified.claims, this.config.roleMap);
    if (!mapped.ok) {
      this.logger.warn({ msg: 'sign-in refused', reason: mapped.reason, sub: verified.claims.sub });
      this.problem(response, 403, 'No Vigil role', REFUSAL_MESSAGES[mapped.reason]);
      return;
    }
    const ttl = sessionSeconds(verified.idTokenExpiresAt, new Date(), this.config.sessionMaxSeconds);
    const { principal } = mapped;
    if (ttl === 0) {
      this.logger.warn({ msg: 'sign-in refused', reason: 'id-token-expired', sub: verified.claims.sub });
      this.problem(response, 400, 'Sign-in expired', 'Your identity provider\'s sign-in expired on the way. Start again.');
      return;
    }
    this.logger.log({ msg: 'signed in', subject: principal.subject, role: principal.role, partner: principal.partnerId, sessionSeconds: ttl });
    response.redirect(302, `/#token=${signToken(principal, this.secret, ttl)}`);
  }

  private cookieOptions(maxAgeSeconds?: number) {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.redirectUrl.protocol === 'https:',
      path: '/auth',
      ...(maxAgeSeconds ? { maxAge: maxAgeSeconds * 1000 } : {}),
    };
  }

  private problem(response: Response, status: number, title: string, message: string): void {
    response.status(status).type('html').setHeader('Cache-Control', 'no-store').send(signInProblemPage(title, message));
  }
}

// openid-client's messages (and its cause's) name the check that failed; the cause's own cause holds
// the callback parameters, authorization code included, so it is never logged.
function failedCheck(error: unknown): { error: string; check?: string; errorCode?: string } {
  const { message, cause, code } = error as Error & { code?: unknown };
  return {
    error: message,
    ...(cause instanceof Error ? { check: cause.message } : {}),
    ...(typeof code === 'string' ? { errorCode: code } : {}),
  };
}
