// Sign-in through the organisation's identity provider (OpenID Connect), when Vigil is set up for it.
// Runs before app.js: a token arriving in the URL fragment from /auth/callback is kept like a ?token= link.
(function () {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem('vigil.token', fragment.get('token'));
    history.replaceState(null, '', location.pathname);
  }
  // An expired session offers sign-in again; app.js still decides what to say about it.
  function hasUsableToken() {
    const token = new URLSearchParams(location.search).get('token') || sessionStorage.getItem('vigil.token');
    try {
      return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000 > Date.now();
    } catch (e) {
      return false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const section = document.getElementById('sign-in');
    const signOut = document.getElementById('sign-out');
    if (hasUsableToken()) {
      signOut.hidden = false;
      signOut.addEventListener('click', () => {
        sessionStorage.removeItem('vigil.token');
        location.replace(location.pathname);
      });
      return;
    }
    offerSignIn(section);
  });
  // app.js says when a session ends while the page is open: offer the button then too.
  document.addEventListener('vigil:signed-out', () => {
    document.getElementById('sign-out').hidden = true;
    offerSignIn(document.getElementById('sign-in'), true);
  });

  function offerSignIn(section, keepNotice) {
    fetch('/auth/providers')
      .then((r) => (r.ok ? r.json() : { oidc: false }))
      .then((providers) => {
        if (!providers.oidc) return;
        section.querySelector('a').href = providers.loginUrl;
        section.hidden = false;
        // With no session at all, the button replaces app.js's hint about `npm start` links; an expired session keeps its notice.
        if (!keepNotice && !sessionStorage.getItem('vigil.token')) document.getElementById('notice').hidden = true;
      })
      .catch(() => undefined);
  }
})();
