/** Sign-in through the organisation's identity provider, offered when Vigil is set up for it. */
export function SignInPanel({ loginUrl }: { loginUrl: string | null }) {
  return (
    <section id="sign-in" hidden={!loginUrl} aria-label="Sign in">
      <p>Sign in with your council or police account.</p>
      <a class="button" href={loginUrl ?? '/auth/login'}>
        Sign in
      </a>
    </section>
  );
}
