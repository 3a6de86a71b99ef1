// Nära patient portal: exchanges the one-time invitation in location.hash for a session kept in
// sessionStorage, then shows the start page: what the patient has to do (forms to answer,
// forms.js; measurements to report, measurements.js) and the thread with the care centre (polled
// every 2 seconds). When the invitation is for a video visit, it hands over to visit.js instead.
// The pages are views of one document; the browser's back button moves between them.
'use strict';

(function () {
  const storageKey = 'nara.portal.session';
  const pendingPrefix = 'nara.portal.pending.';
  const pendingLifetimeMs = 15 * 60 * 1000;
  const status = document.getElementById('status');
  const section = document.getElementById('conversation');
  const list = document.getElementById('thread');
  const form = document.getElementById('composer');
  const textarea = document.getElementById('message');
  const send = document.getElementById('send');
  const views = {
    home: ['tasks', 'conversation'],
    form: ['form-view'],
    measurements: ['measurements-view'],
  };
  let session = null;
  let lastRendered = '';
  let view = '';
  let signedIn = false;

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', !!isError);
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // The Idempotency-Key for sending `body` (a string) in `scope`: the same key while the same body
  // is retried (a double click, a retry after a lost answer, even after a reload), a new one for
  // another body. settle() forgets it once the server has given a definite answer.
  function keyFor(scope, body) {
    let pending = null;
    try { pending = JSON.parse(sessionStorage.getItem(pendingPrefix + scope)); } catch (e) { pending = null; }
    if (pending && pending.body === body && Date.now() - pending.since < pendingLifetimeMs) return pending.key;
    const key = newKey();
    try {
      sessionStorage.setItem(pendingPrefix + scope, JSON.stringify({ body, key, since: Date.now() }));
    } catch (e) { /* private mode: the key lives as long as this call */ }
    return key;
  }

  function settle(scope) {
    sessionStorage.removeItem(pendingPrefix + scope);
  }

  // Forgets every unsent answer, report and message kept for a retry: they must not outlive the
  // session on a shared computer.
  function forgetPending() {
    try {
      const keys = [];
      for (let i = 0; i < sessionStorage.length; ++i) {
        const key = sessionStorage.key(i);
        if (key && key.startsWith(pendingPrefix)) keys.push(key);
      }
      for (const key of keys) sessionStorage.removeItem(key);
    } catch (e) { /* no storage: nothing kept */ }
  }

  // Whether a reply is final for its Idempotency-Key (not worth retrying with the same one).
  function definite(statusCode) {
    return statusCode > 0 && statusCode < 500 && statusCode !== 429;
  }

  async function api(method, path, body, idempotencyKey) {
    const headers = { 'Accept': 'application/json' };
    if (session) headers['Authorization'] = 'Bearer ' + session.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    const response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store',
    });
    let json = null;
    try { json = await response.json(); } catch (e) { json = null; }
    return { status: response.status, json };
  }

  async function signIn() {
    const invitation = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : '';
    // The token must not stay in the address bar or the history.
    if (invitation) history.replaceState(null, '', location.pathname);
    if (invitation) {
      const reply = await api('POST', '/api/v1/portal/session', { invitation });
      if (reply.status === 200) {
        forgetPending(); // a new sign-in, perhaps someone else's: nothing of the last one is retried
        session = { token: reply.json.token, expiresAt: reply.json.expiresAt, name: reply.json.patientName };
        sessionStorage.setItem(storageKey, JSON.stringify(session));
        return true;
      }
    }
    const stored = sessionStorage.getItem(storageKey);
    if (stored) {
      try { session = JSON.parse(stored); } catch (e) { session = null; }
      if (session && session.expiresAt > Date.now()) return true;
    }
    sessionStorage.removeItem(storageKey);
    forgetPending();
    session = null;
    return false;
  }

  // The session is over (401/403): every page closes, and what was kept for a retry goes.
  function expired() {
    sessionStorage.removeItem(storageKey);
    forgetPending();
    session = null;
    signedIn = false;
    for (const ids of Object.values(views)) for (const id of ids) document.getElementById(id).hidden = true;
    document.getElementById('emergency').hidden = true;
    say('Din inloggning har gått ut. Be din vårdcentral om en ny länk.', true);
  }

  // Shows one view; `state` carries what it needs (the form's requestId).
  function showView(name, state) {
    if (!signedIn) return;
    if (!views[name]) name = 'home';
    view = name;
    for (const [key, ids] of Object.entries(views))
      for (const id of ids) document.getElementById(id).hidden = key !== name;
    say('');
    if (name === 'home') {
      window.NaraForms.refreshList();
    } else if (name === 'form') {
      window.NaraForms.open(state.requestId);
    } else if (name === 'measurements') {
      window.NaraMeasurements.open();
    }
    window.scrollTo(0, 0);
    const heading = document.getElementById(name === 'home' ? 'tasks-heading'
      : name === 'form' ? 'form-heading' : 'measurements-heading');
    if (name !== 'home' || state.focus) heading.focus();
  }

  // Moves to a view as a new step in the history (the back button returns).
  function go(name, state) {
    const entry = Object.assign({ view: name }, state || {});
    history.pushState(entry, '', location.pathname);
    showView(name, Object.assign({ focus: true }, entry));
  }

  window.addEventListener('popstate', (event) => {
    const state = event.state || { view: 'home' };
    showView(state.view, Object.assign({ focus: true }, state));
  });

  function render(thread) {
    const key = JSON.stringify(thread.messages.map((m) => m.id));
    if (key === lastRendered) return;
    lastRendered = key;
    list.replaceChildren();
    if (thread.messages.length === 0) {
      const empty = document.createElement('li');
      empty.textContent = 'Inga meddelanden ännu. Skriv till din vårdcentral nedan.';
      list.append(empty);
      return;
    }
    for (const message of thread.messages) {
      const item = document.createElement('li');
      item.className = message.authorKind === 'patient' ? 'mine' : 'staff';
      const meta = document.createElement('span');
      meta.className = 'meta';
      const when = new Date(message.createdAt).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
      meta.textContent = (message.authorKind === 'patient' ? 'Du' : message.authorName) + ', ' + when;
      const body = document.createElement('span');
      body.className = 'body';
      body.textContent = message.body; // text, never HTML
      item.append(meta, body);
      list.append(item);
    }
  }

  async function refresh() {
    const reply = await api('GET', '/api/v1/portal/thread');
    if (reply.status === 200) {
      render(reply.json);
      if (view === 'home' && status.classList.contains('error')) say('');
    } else if (reply.status === 401 || reply.status === 403) {
      expired();
      return false;
    } else if (view === 'home') {
      say('Kunde inte hämta meddelanden just nu. Försöker igen …', true);
    }
    return true;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (!text) { say('Skriv något innan du skickar.', true); textarea.focus(); return; }
    send.disabled = true;
    const key = keyFor('message', text);
    try {
      const reply = await api('POST', '/api/v1/portal/messages', { body: text }, key);
      if (definite(reply.status)) settle('message');
      if (reply.status === 201) {
        textarea.value = '';
        say('Meddelandet är skickat.');
        await refresh();
      } else if (reply.status === 401 || reply.status === 403) {
        expired();
      } else {
        say('Meddelandet kunde inte skickas. Försök igen.', true);
      }
    } catch (e) {
      say('Ingen kontakt med servern. Försök igen.', true);
    } finally {
      send.disabled = false;
      textarea.focus();
    }
  });

  // What forms.js and measurements.js use.
  const portal = {
    api, keyFor, settle, definite, expired, go,
    home: () => go('home'),
    session: () => session,
  };

  async function start() {
    if (!(await signIn())) {
      say('Länken är ogiltig, redan använd eller för gammal. Be din vårdcentral om en ny länk.', true);
      return;
    }
    document.getElementById('greeting').textContent = session.name ? 'Hej ' + session.name + '!' : '';
    // Invited to a video visit: that is what the page is for (visit.js).
    const visit = await api('GET', '/api/v1/portal/visit');
    if (visit.status === 200 && visit.json && window.NaraVisit) {
      say('');
      await window.NaraVisit.start(session, visit.json);
      return;
    }
    signedIn = true;
    window.NaraForms.start(portal);
    window.NaraMeasurements.start(portal);
    document.getElementById('emergency').hidden = false;
    // A reload keeps the page the patient was on.
    const state = history.state && views[history.state.view] ? history.state : { view: 'home' };
    history.replaceState(state, '', location.pathname);
    showView(state.view, state);
    if (!(await refresh())) return;
    const timer = setInterval(async () => {
      try {
        if (!(await refresh())) clearInterval(timer);
      } catch (e) {
        if (view === 'home') say('Ingen kontakt med servern. Försöker igen …', true);
      }
    }, 2000);
  }

  start().catch(() => say('Något gick fel. Ladda om sidan.', true));
})();
