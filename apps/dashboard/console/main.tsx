import { render } from 'preact';
import { App } from './app';
import { ContractorApp } from './contractor-app';
import { ICON, setIcon } from './grade-one-alert';
import { readClaims, takeTokenFromAddress } from './session';

const token = takeTokenFromAddress();
const claims = token ? readClaims(token) : null;
setIcon(ICON);
// The contractor works tickets and never sees an incident: a console of its own, not the operators' with parts hidden.
const usable = !!claims && claims.exp * 1000 > Date.now();
render(
  token && claims?.role === 'contractor' && usable ? <ContractorApp token={token} claims={claims} /> : <App token={token} claims={claims} />,
  document.getElementById('console')!,
);
