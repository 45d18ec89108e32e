import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SIGN_IN_CONFIG } from './sign-in.tokens';
import { SignInConfig } from './sign-in.config';

/** Tells the page which ways of signing in this installation offers. */
@ApiTags('sign-in')
@Controller('auth')
export class SignInOptionsController {
  constructor(@Optional() @Inject(SIGN_IN_CONFIG) private readonly config?: SignInConfig) {}

  @Get('providers')
  @ApiOperation({ summary: 'Whether OpenID Connect sign-in is configured (otherwise only issued tokens work)' })
  providers(): { oidc: boolean; loginUrl?: string } {
    return this.config ? { oidc: true, loginUrl: '/auth/login' } : { oidc: false };
  }
}
