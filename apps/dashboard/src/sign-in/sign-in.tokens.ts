/** Injection token of the dashboard's {@link SignInConfig}. */
export const SIGN_IN_CONFIG = Symbol('SIGN_IN_CONFIG');
