import { render } from 'preact';
import { App } from './app';
import { ICON, setIcon } from './grade-one-alert';
import { readClaims, takeTokenFromAddress } from './session';

const token = takeTokenFromAddress();
setIcon(ICON);
render(<App token={token} claims={token ? readClaims(token) : null} />, document.getElementById('console')!);
