// Nära patient portal: exchanges the one-time invitation in location.hash for a session kept in
// sessionStorage, shows the thread and sends messages (polls every 2 seconds), or, when the
// invitation is for a video visit, hands over to visit.js.
'use strict';

(function () {
  const storageKey = 'nara.portal.session';
  const status = document.getElementById('status');
  const section = document.getElementById('conversation');
  const list = document.getElementById('thread');
  const form = document.getElementById('composer');
  const textarea = document.getElementById('message');
  const send = document.getElementById('send');
  let session = null;
  let lastRendered = '';

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
    session = null;
    return false;
  }

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
      say('');
    } else if (reply.status === 401 || reply.status === 403) {
      sessionStorage.removeItem(storageKey);
      session = null;
      section.hidden = true;
      say('Din inloggning har gått ut. Be din vårdcentral om en ny länk.', true);
      return false;
    } else {
      say('Kunde inte hämta meddelanden just nu. Försöker igen …', true);
    }
    return true;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (!text) { say('Skriv något innan du skickar.', true); textarea.focus(); return; }
    send.disabled = true;
    const key = newKey();
    try {
      const reply = await api('POST', '/api/v1/portal/messages', { body: text }, key);
      if (reply.status === 201) {
        textarea.value = '';
        say('Meddelandet är skickat.');
        await refresh();
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
    section.hidden = false;
    say('Hämtar meddelanden …');
    if (!(await refresh())) return;
    const timer = setInterval(async () => {
      try {
        if (!(await refresh())) clearInterval(timer);
      } catch (e) {
        say('Ingen kontakt med servern. Försöker igen …', true);
      }
    }, 2000);
  }

  start().catch(() => say('Något gick fel. Ladda om sidan.', true));
})();
