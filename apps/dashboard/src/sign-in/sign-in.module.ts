import { DynamicModule, Module } from '@nestjs/common';
import { IDENTITY_PROVIDER } from './identity-provider';
import { OpenIdClientIdentityProvider } from './openid-client.identity-provider';
import { SignInOptionsController } from './sign-in-options.controller';
import { SignInController } from './sign-in.controller';
import { SignInConfig } from './sign-in.config';
import { SIGN_IN_CONFIG } from './sign-in.tokens';

/** The dashboard's sign-in routes; with no OpenID Connect settings only /auth/providers, saying so. */
@Module({})
export class SignInModule {
  static register(config: SignInConfig | undefined): DynamicModule {
    if (!config) return { module: SignInModule, controllers: [SignInOptionsController] };
    return {
      module: SignInModule,
      controllers: [SignInOptionsController, SignInController],
      providers: [
        { provide: SIGN_IN_CONFIG, useValue: config },
        { provide: IDENTITY_PROVIDER, useValue: new OpenIdClientIdentityProvider(config) },
      ],
    };
  }
}
