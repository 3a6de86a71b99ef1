// Nära patient portal: the forms a patient has to answer. The start page lists them
// (GET /api/v1/portal/forms); a form's page (GET /api/v1/portal/forms/{id}) shows the questionnaire
// (questionnaire.js), does not send while an answer is missing or wrong, sends the
// QuestionnaireResponse (POST …/response; the Idempotency-Key is kept while the same answers are
// retried, so a double click or a retry after a lost answer answers once) and then shows the
// thanks and, when the server gives one, the safety message.
'use strict';

(function () {
  const el = (id) => document.getElementById(id);
  let portal = null;
  let current = null; // { requestId, request, questionnaire, form }
  let phase = 'idle'; // loading | answering | sending | done | closed | failed
  let posts = 0; // answers sent (what the end-to-end test counts)
  let listed = [];
  let listing = 0; // the newest list request (an older answer is dropped)
  let opening = 0; // the newest form request

  function say(text, isError) {
    el('form-status').textContent = text || '';
    el('form-status').classList.toggle('error', !!isError);
  }

  function dateText(ms) {
    return new Date(ms).toLocaleDateString('sv-SE', { weekday: 'long', day: 'numeric', month: 'long' });
  }

  function dueText(request) {
    if (!request.dueAt) return '';
    return request.state === 'overdue' ? 'Skulle ha besvarats senast ' + dateText(request.dueAt) + '.'
      : 'Svara senast ' + dateText(request.dueAt) + '.';
  }

  // ---- the start page's list -----------------------------------------------------------------

  function renderList() {
    const tasks = el('form-tasks');
    tasks.replaceChildren();
    el('forms-status').classList.remove('error');
    el('forms-status').textContent = listed.length === 0 ? 'Du har inga formulär att fylla i just nu.' : '';
    for (const form of listed) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'task' + (form.state === 'overdue' ? ' overdue' : '');
      button.id = 'task-form-' + form.requestId;
      button.dataset.requestId = form.requestId;
      const title = document.createElement('span');
      title.className = 'task-title';
      title.textContent = 'Fyll i formuläret ' + form.title;
      const meta = document.createElement('span');
      meta.className = 'task-meta';
      meta.textContent = dueText(form);
      button.append(title, meta);
      button.addEventListener('click', () => portal.go('form', { requestId: form.requestId }));
      item.append(button);
      tasks.append(item);
    }
  }

  async function refreshList() {
    const token = ++listing;
    let reply;
    try {
      reply = await portal.api('GET', '/api/v1/portal/forms');
    } catch (e) {
      reply = { status: 0 };
    }
    if (token !== listing) return;
    if (reply.status === 401 || reply.status === 403) {
      portal.expired();
    } else if (reply.status === 200 && reply.json && Array.isArray(reply.json.forms)) {
      listed = reply.json.forms;
      renderList();
    } else {
      el('forms-status').textContent = 'Dina formulär kunde inte hämtas just nu. Ladda om sidan om en stund.';
      el('forms-status').classList.add('error');
    }
  }

  // ---- one form ------------------------------------------------------------------------------

  function hideErrors() {
    el('form-errors').hidden = true;
    el('form-error-list').replaceChildren();
  }

  // The summary above the form: one link per problem that takes the patient to the question.
  function showErrors(errors) {
    const list = el('form-error-list');
    list.replaceChildren();
    for (const error of errors) {
      const item = document.createElement('li');
      item.dataset.linkId = error.node.item.linkId;
      const link = document.createElement('a');
      link.href = '#' + error.node.wrapper.id;
      link.textContent = error.question + ': ' + error.message;
      link.addEventListener('click', (event) => {
        event.preventDefault(); // the address must not change (app.js reads its fragment)
        error.node.wrapper.scrollIntoView({ block: 'center' });
        error.node.focus();
      });
      item.append(link);
      list.append(item);
    }
    el('form-errors').hidden = false;
    el('form-errors').focus();
  }

  // An answer changed: its line in the summary goes once the item has no error; so does the
  // summary when nothing is left in it.
  function answerChanged(node) {
    if (!node.error.hidden) return;
    for (const item of el('form-error-list').querySelectorAll('li'))
      if (item.dataset.linkId === node.item.linkId) item.remove();
    if (el('form-error-list').children.length === 0) el('form-errors').hidden = true;
  }

  // The form cannot be answered (answered, cancelled, gone): a message and the way back.
  function close(text) {
    phase = 'closed';
    current = null;
    el('questionnaire').hidden = true;
    hideErrors();
    say(text, true);
  }

  async function open(requestId) {
    const token = ++opening;
    current = null;
    phase = 'loading';
    el('form-heading').textContent = 'Formulär';
    el('form-due').textContent = '';
    el('questionnaire').hidden = true;
    el('form-done').hidden = true;
    el('form-safety').hidden = true;
    el('questionnaire-items').replaceChildren();
    hideErrors();
    say('Hämtar formuläret …');
    let reply;
    try {
      reply = await portal.api('GET', '/api/v1/portal/forms/' + encodeURIComponent(requestId));
    } catch (e) {
      reply = { status: 0 };
    }
    if (token !== opening) return;
    if (reply.status === 401 || reply.status === 403) {
      portal.expired();
      return;
    }
    if (reply.status === 404) {
      close('Formuläret finns inte längre. Vårdcentralen kan ha tagit bort det.');
      return;
    }
    if (reply.status === 409) {
      close('Formuläret går inte att fylla i ännu. Du får ett meddelande när det är dags.');
      return;
    }
    if (reply.status !== 200 || !reply.json || !reply.json.questionnaire || !reply.json.request) {
      phase = 'failed';
      say('Formuläret kunde inte hämtas just nu. Försök igen om en stund.', true);
      return;
    }
    const { request, questionnaire } = reply.json;
    el('form-heading').textContent = window.NaraQuestionnaire.localized(questionnaire.title, questionnaire._title).text
      || request.title;
    if (request.state === 'answered') {
      close('Du har redan besvarat det här formuläret. Tack!');
      return;
    }
    if (request.state === 'cancelled') {
      close('Vårdcentralen har tagit bort det här formuläret. Du behöver inte svara på det.');
      return;
    }
    el('form-due').textContent = dueText(request);
    const form = window.NaraQuestionnaire.render(questionnaire, el('questionnaire-items'), answerChanged);
    current = { requestId, request, questionnaire, form };
    el('form-language-note').hidden = !form.hasEnglish();
    el('questionnaire').hidden = false;
    phase = 'answering';
    say('');
  }

  function setSending(sending) {
    phase = sending ? 'sending' : 'answering';
    el('form-submit').disabled = sending;
    el('form-submit').textContent = sending ? 'Skickar …' : 'Skicka svaren';
  }

  function done(answer) {
    phase = 'done';
    listed = listed.filter((form) => form.requestId !== current.requestId);
    el('questionnaire').hidden = true;
    el('form-due').textContent = '';
    hideErrors();
    say('');
    el('form-thanks').textContent = (answer && answer.message) || 'Dina svar är skickade till vårdcentralen.';
    const safety = answer && answer.safetyMessage;
    el('form-safety-text').textContent = safety || '';
    el('form-safety').hidden = !safety;
    el('form-done').hidden = false;
    if (safety) {
      el('form-safety').tabIndex = -1;
      el('form-safety').focus();
    } else {
      el('form-done-heading').focus();
    }
  }

  // A 400 from the server: the item it names is marked, in Swedish (its detail is for developers).
  function refused(problem) {
    const message = 'Svaret godtogs inte av vårdcentralens system. Kontrollera svaret.';
    const marked = current.form.markFromServer(problem && problem.detail, message);
    if (marked) {
      showErrors([marked]);
      say('');
    } else {
      say('Svaren kunde inte tas emot. Kontrollera dina svar och försök igen.', true);
    }
  }

  async function submit(event) {
    event.preventDefault();
    if (!current || phase !== 'answering') return; // a second click while sending does nothing
    const errors = current.form.validate();
    if (errors.length > 0) {
      say('');
      showErrors(errors);
      return;
    }
    hideErrors();
    const { requestId } = current;
    const body = current.form.response();
    const scope = 'form.' + requestId;
    const key = portal.keyFor(scope, JSON.stringify(body));
    setSending(true);
    say('Skickar dina svar …');
    posts += 1;
    let reply;
    try {
      reply = await portal.api('POST', '/api/v1/portal/forms/' + encodeURIComponent(requestId) + '/response',
        body, key);
    } catch (e) {
      reply = { status: 0 };
    }
    setSending(false);
    if (!current || current.requestId !== requestId) return; // the patient went elsewhere
    if (portal.definite(reply.status)) portal.settle(scope);
    switch (reply.status) {
      case 200:
      case 201: done(reply.json); break;
      case 400: refused(reply.json); break;
      case 401:
      case 403: portal.expired(); break;
      case 404: close('Formuläret finns inte längre. Vårdcentralen kan ha tagit bort det.'); break;
      case 409: close('Formuläret kan inte besvaras: det är redan besvarat, borttaget eller inte öppet ännu.'); break;
      case 413: say('Svaren är för långa. Korta texten och försök igen.', true); break;
      case 0: say('Ingen kontakt med servern. Dina svar finns kvar – försök igen.', true); break;
      default: say('Svaren kunde inte sparas just nu. Dina svar finns kvar – försök igen om en stund.', true);
    }
  }

  function start(currentPortal) {
    portal = currentPortal;
    el('questionnaire').addEventListener('submit', submit);
    el('form-back').addEventListener('click', () => portal.home());
    el('form-done-back').addEventListener('click', () => portal.home());
    window.naraForms = { phase: () => phase, posts: () => posts, listed: () => listed.map((f) => f.requestId) };
  }

  window.NaraForms = { start, refreshList, open };
})();
