import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiSignInProviders } from './sign-in-openapi';
import { SIGN_IN_CONFIG } from './sign-in.tokens';
import { SignInConfig } from './sign-in.config';

/** Tells the page which ways of signing in this installation offers. */
@ApiTags('sign-in')
@Controller('auth')
export class SignInOptionsController {
  constructor(@Optional() @Inject(SIGN_IN_CONFIG) private readonly config?: SignInConfig) {}

  @Get('providers')
  @ApiSignInProviders()
  providers(): { oidc: boolean; loginUrl?: string } {
    return this.config ? { oidc: true, loginUrl: '/auth/login' } : { oidc: false };
  }
}
