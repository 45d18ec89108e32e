// Live incident board. Everything comes over socket.io: on each (re)connect the server replays the
// incident stream after the last position this page has seen, then pushes new incidents as they open.
// When it will not replay (too much missed, or no longer in the stream) it says `snapshot:required`:
// the page then reloads every incident from /api/incidents and resumes from the position it was given.
// Each incident shows its newest version; a repeated or older version is ignored, whatever its route.
(function () {
  const params = new URLSearchParams(location.search);
  if (params.get('token')) {
    sessionStorage.setItem('vigil.token', params.get('token'));
    history.replaceState(null, '', location.pathname);
  }
  const token = sessionStorage.getItem('vigil.token');
  const tbody = document.querySelector('#incidents tbody');
  const statusEl = document.getElementById('status');
  const seen = new Map();
  let lastSeq = 0;

  function notice(text) {
    const el = document.getElementById('notice');
    el.textContent = text;
    el.hidden = false;
  }
  function setStatus(kind, text) {
    statusEl.className = 'status ' + kind;
    statusEl.textContent = text;
  }
  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    if (className) td.className = className;
    return td;
  }
  function render(incident, isNew) {
    if (incident.streamSeq) lastSeq = Math.max(lastSeq, incident.streamSeq);
    const shown = seen.get(incident.incidentId);
    if (shown && Number(shown.dataset.version) >= incident.version) return;
    if (shown) shown.remove();
    const tr = document.createElement('tr');
    tr.dataset.version = incident.version;
    tr.dataset.incidentId = incident.incidentId;
    if (isNew) tr.className = 'new';
    const opened = new Date(incident.openedAt);
    tr.append(
      cell(opened.toLocaleTimeString('en-GB') + ' ' + opened.toLocaleDateString('en-GB')),
      cell(incident.reference),
    );
    const grade = cell('');
    const badge = document.createElement('span');
    badge.className = 'grade grade-' + incident.grade;
    badge.textContent = incident.grade;
    grade.append(badge);
    const category = cell(incident.category);
    if (incident.subcategory) {
      const sub = document.createElement('div');
      sub.className = 'sub';
      sub.textContent = incident.subcategory;
      category.append(sub);
    }
    tr.append(grade, category, cell(incident.town || '—'), cell(incident.partnerId || 'unassigned'), cell(incident.callSource), cell(incident.summary));
    seen.set(incident.incidentId, tr);
    const newer = [...tbody.children].find((row) => row.dataset.openedAt < incident.openedAt);
    tr.dataset.openedAt = incident.openedAt;
    tbody.insertBefore(tr, newer || null);
    document.getElementById('empty').hidden = true;
  }

  if (!token) {
    setStatus('down', 'not signed in');
    notice('Open the dashboard link that `npm start` printed (it carries a sign-in token).');
    return;
  }
  try {
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    document.getElementById('who').textContent = claims.sub + ' · ' + claims.role + (claims.partner ? ' · ' + claims.partner : '');
  } catch (e) { /* the server decides; the label is only a courtesy */ }

  // Every sign that the session is over (a 401, a refused or expired socket) ends here: forget the
  // token, stop polling and reconnecting, and ask the person to sign in again.
  let socket;
  let machineryTimer;
  let signedOut = false;
  function askToSignIn(reason) {
    if (signedOut) return;
    signedOut = true;
    sessionStorage.removeItem('vigil.token');
    clearInterval(machineryTimer);
    if (socket) socket.disconnect();
    document.getElementById('machinery').hidden = true;
    setStatus('down', 'signed out');
    notice('Session expired — sign in again (' + reason + ').');
    document.dispatchEvent(new CustomEvent('vigil:signed-out'));
  }

  // Control-room staff also see the machinery: which sources are alive, and what Vigil refused.
  function watchMachinery() {
    const headers = { Authorization: 'Bearer ' + token };
    const getJson = (path) => fetch(path, { headers }).then((r) => {
      if (r.status === 401) askToSignIn('Vigil no longer accepts this sign-in');
      if (!r.ok || signedOut) throw new Error(path + ' answered ' + r.status);
      return r.json();
    });
    const refresh = () => {
      getJson('/api/sources').then((sources) => {
        const el = document.getElementById('sources');
        el.textContent = sources.length ? 'Sources: ' : 'Sources: none heard yet';
        sources.forEach((source) => {
          const chip = document.createElement('span');
          chip.className = 'source ' + source.state;
          const heard = source.lastSeen ? new Date(source.lastSeen).toLocaleTimeString('en-GB') : 'never';
          chip.textContent = source.sourceKind + ' ' + source.sourceId + ' ' + source.state + ' (heard ' + heard + ')';
          el.append(chip);
        });
      }).catch(() => undefined);
      getJson('/api/dead-letters?limit=100').then((letters) => {
        document.getElementById('refused').textContent = letters.length
          ? 'Refused messages: ' + letters.length + (letters.length === 100 ? '+' : '') + ' (latest: ' + letters[0].reason + ')'
          : 'Refused messages: none';
      }).catch(() => undefined);
    };
    document.getElementById('machinery').hidden = false;
    refresh();
    machineryTimer = setInterval(refresh, 5000);
  }

  let role = '';
  try { role = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).role; } catch (e) { /* the server decides */ }
  if (role === 'police' || role === 'operator') watchMachinery();

  socket = io({ auth: { token } });
  socket.on('connect', () => {
    setStatus('live', 'live');
    socket.emit('incidents:resume', lastSeq);
  });
  socket.on('disconnect', () => {
    if (!signedOut) setStatus('connecting', 'reconnecting…');
  });
  socket.on('connect_error', (error) => {
    if (/^unauthorised/.test(error.message)) askToSignIn(error.message);
    else setStatus('down', 'cannot reach Vigil');
  });
  socket.on('session:expired', (expired) => askToSignIn(expired.reason));
  socket.on('incident:opened', (incident) => render(incident, Date.now() - Date.parse(incident.openedAt) < 60000));
  // A change carries the whole incident; render keeps the newest version per incident, whichever event brought it.
  socket.on('incident:changed', (incident) => render(incident, false));

  // Every page of the owner's current incidents, then the stream after the position the server named:
  // the snapshot is read after that position was taken, so it already holds everything up to it.
  const SNAPSHOT_PAGE = 500;
  async function reloadSnapshot(resumeFrom) {
    const headers = { Authorization: 'Bearer ' + token };
    for (let offset = 0; ; offset += SNAPSHOT_PAGE) {
      const response = await fetch('/api/incidents?limit=' + SNAPSHOT_PAGE + '&offset=' + offset, { headers });
      if (response.status === 401) return askToSignIn('Vigil no longer accepts this sign-in');
      if (!response.ok) throw new Error('/api/incidents answered ' + response.status);
      const page = await response.json();
      page.forEach((incident) => render(incident, false));
      if (page.length < SNAPSHOT_PAGE) break;
    }
    lastSeq = Math.max(lastSeq, resumeFrom);
    setStatus('live', 'live');
    socket.emit('incidents:resume', lastSeq);
  }
  socket.on('snapshot:required', (required) => {
    setStatus('connecting', 'reloading ' + required.missed + ' missed events…');
    reloadSnapshot(required.resumeFrom).catch(() => {
      // Ask again from where the page stands: the server answers with a replay or a new snapshot request.
      setStatus('down', 'cannot reach Vigil');
      setTimeout(() => {
        if (!signedOut) socket.emit('incidents:resume', lastSeq);
      }, 5000);
    });
  });

})();
