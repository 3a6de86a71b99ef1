// Nära patient portal: the patient reports measurements from home (POST /api/v1/portal/measurements):
// chooses what was measured, types the values (decimal comma accepted), may add a remark, and sees
// the answer's message and, for values beyond a limit, the Swedish reasons. The Idempotency-Key is
// kept while the same report is retried, so a double click or a lost answer stores it once.
'use strict';

(function () {
  const el = (id) => document.getElementById(id);
  // As modules/monitoring/core/measurementtype.cpp (keys, plausible ranges, decimals); the server
  // checks again and is the authority.
  const types = [
    { type: 'bloodPressure', name: 'Blodtryck', quantities: [
      { key: 'systolic', label: 'Övre värdet (systoliskt)', unit: 'mmHg', min: 50, max: 300, decimals: 0 },
      { key: 'diastolic', label: 'Undre värdet (diastoliskt)', unit: 'mmHg', min: 20, max: 200, decimals: 0 }] },
    { type: 'pulse', name: 'Puls', quantities: [
      { key: 'value', label: 'Puls', unit: 'slag per minut', min: 20, max: 250, decimals: 0 }] },
    { type: 'glucose', name: 'Blodsocker', quantities: [
      { key: 'value', label: 'Blodsocker', unit: 'mmol/l', min: 0.5, max: 50, decimals: 1 }] },
    { type: 'weight', name: 'Vikt', quantities: [
      { key: 'value', label: 'Vikt', unit: 'kg', min: 1, max: 400, decimals: 1 }] },
    { type: 'spo2', name: 'Syremättnad', quantities: [
      { key: 'value', label: 'Syremättnad', unit: '%', min: 50, max: 100, decimals: 0 }] },
    { type: 'pef', name: 'PEF (utandningsflöde)', quantities: [
      { key: 'value', label: 'PEF', unit: 'l/min', min: 30, max: 1000, decimals: 0 }] },
    { type: 'temperature', name: 'Kroppstemperatur', quantities: [
      { key: 'value', label: 'Temperatur', unit: '°C', min: 30, max: 45, decimals: 1 }] },
  ];
  // The server's names for the quantities in a 400 (`quantity`), for a Swedish message.
  const quantityNames = { systolic: 'Övre blodtrycksvärdet', diastolic: 'Undre blodtrycksvärdet', pulse: 'Puls',
    glucose: 'Blodsocker', weight: 'Vikt', spo2: 'Syremättnad', pef: 'PEF', temperature: 'Temperatur' };
  const scope = 'measurements';
  let portal = null;
  let phase = 'idle'; // editing | sending | done
  let posts = 0;
  let built = false;

  function say(text, isError) {
    el('measurements-status').textContent = text || '';
    el('measurements-status').classList.toggle('error', !!isError);
  }

  function number(value, decimals) {
    return value.toLocaleString('sv-SE', { maximumFractionDigits: Math.max(decimals, 1) });
  }

  function create(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  // A checkbox per type, and per type a fieldset with its values (shown while it is checked).
  function build() {
    if (built) return;
    built = true;
    for (const type of types) {
      const label = create('label', 'option');
      const box = create('input');
      box.type = 'checkbox';
      box.id = 'measure-' + type.type;
      box.value = type.type;
      label.htmlFor = box.id;
      label.append(box, create('span', '', type.name));
      el('measurement-types').append(label);

      const fields = create('fieldset', 'q-item measurement');
      fields.id = 'measure-' + type.type + '-fields';
      fields.hidden = true;
      fields.append(create('legend', '', type.name));
      type.inputs = type.quantities.map((quantity) => {
        const id = 'measure-' + type.type + '-' + quantity.key;
        const inputLabel = create('label', '', quantity.label + ' (' + quantity.unit + ')');
        inputLabel.htmlFor = id;
        const input = create('input');
        input.type = 'text';
        input.id = id;
        input.inputMode = quantity.decimals > 0 ? 'decimal' : 'numeric';
        input.autocomplete = 'off';
        input.setAttribute('aria-required', 'true');
        const error = create('p', 'field-error');
        error.id = id + '-error';
        error.hidden = true;
        input.setAttribute('aria-describedby', error.id);
        input.addEventListener('input', () => {
          showError(input, error, '');
          dropError(input);
        });
        fields.append(inputLabel, input, error);
        return { quantity, input, error };
      });
      el('measurement-fields').append(fields);
      box.addEventListener('change', () => {
        fields.hidden = !box.checked;
        if (box.checked) dropError(types[0].box); // "choose at least one"
        if (box.checked) type.inputs[0].input.focus();
      });
      type.box = box;
      type.fields = fields;
    }
  }

  function showError(input, error, message) {
    error.textContent = message;
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  // The summary's line about `target` goes; so does the summary when nothing is left in it.
  function dropError(target) {
    for (const item of el('measurements-error-list').querySelectorAll('li'))
      if (item.dataset.target === target.id) item.remove();
    if (el('measurements-error-list').children.length === 0) el('measurements-errors').hidden = true;
  }

  function hideErrors() {
    el('measurements-errors').hidden = true;
    el('measurements-error-list').replaceChildren();
  }

  function showErrors(errors) {
    const list = el('measurements-error-list');
    list.replaceChildren();
    for (const error of errors) {
      const item = create('li');
      item.dataset.target = error.focus.id;
      const link = create('a', '', error.text);
      link.href = '#' + error.focus.id;
      link.addEventListener('click', (event) => {
        event.preventDefault(); // the address must not change (app.js reads its fragment)
        error.focus.focus();
      });
      item.append(link);
      list.append(item);
    }
    el('measurements-errors').hidden = false;
    el('measurements-errors').focus();
  }

  // The report to send, or the problems with what was typed ({ errors }).
  function read() {
    const errors = [];
    const measurements = [];
    for (const type of types) {
      if (!type.box.checked) continue;
      const values = {};
      for (const { quantity, input, error } of type.inputs) {
        const text = input.value.trim().replace('\u2212', '-');
        const pattern = quantity.decimals > 0 ? /^\d+([.,]\d+)?$/ : /^\d+$/;
        let message = '';
        const value = Number(text.replace(',', '.'));
        if (text === '') message = 'Skriv in värdet.';
        else if (!pattern.test(text))
          message = quantity.decimals > 0 ? 'Skriv värdet med siffror, till exempel 7,9.' : 'Skriv värdet som ett heltal, till exempel 78.';
        else if (value < quantity.min || value > quantity.max)
          message = 'Värdet ser inte rimligt ut. Det ska vara mellan ' + number(quantity.min, quantity.decimals) + ' och '
            + number(quantity.max, quantity.decimals) + ' ' + quantity.unit + '.';
        showError(input, error, message);
        if (message) errors.push({ text: quantity.label + ': ' + message, focus: input });
        values[quantity.key] = value;
      }
      if (type.type === 'bloodPressure' && errors.length === 0 && values.diastolic >= values.systolic) {
        const diastolic = type.inputs[1];
        const message = 'Det undre värdet ska vara lägre än det övre. Kontrollera att du inte har skrivit dem i fel ordning.';
        showError(diastolic.input, diastolic.error, message);
        errors.push({ text: diastolic.quantity.label + ': ' + message, focus: diastolic.input });
      }
      measurements.push({ type: type.type, values });
    }
    if (measurements.length === 0)
      errors.push({ text: 'Välj minst ett värde som du har mätt.', focus: types[0].box });
    if (errors.length > 0) return { errors };
    const report = { measurements };
    const remark = el('measurement-remark').value.trim();
    if (remark) report.remark = remark;
    return { report };
  }

  function reset() {
    for (const type of types) {
      type.box.checked = false;
      type.fields.hidden = true;
      for (const { input, error } of type.inputs) {
        input.value = '';
        showError(input, error, '');
      }
    }
    el('measurement-remark').value = '';
  }

  function open() {
    build();
    if (phase === 'done') reset();
    phase = 'editing';
    hideErrors();
    say('');
    el('measurements-form').hidden = false;
    el('measurements-result').hidden = true;
  }

  function showResult(answer) {
    phase = 'done';
    el('measurements-form').hidden = true;
    say('');
    el('measurements-message').textContent = answer.message || 'Dina värden har tagits emot.';
    const stored = el('measurements-stored');
    stored.replaceChildren();
    for (const measurement of answer.measurements || []) {
      const type = types.find((candidate) => candidate.type === measurement.type);
      if (measurement.display) stored.append(create('li', '', (type ? type.name + ': ' : '') + measurement.display));
    }
    const alerts = el('measurements-alerts');
    alerts.replaceChildren();
    for (const alert of answer.alerts || []) {
      const item = create('li', 'alert ' + (alert.severity === 'red' ? 'red' : 'orange'));
      item.append(create('span', 'visually-hidden', alert.severity === 'red' ? 'Röd nivå: ' : 'Orange nivå: '),
        document.createTextNode(alert.reason || ''));
      alerts.append(item);
    }
    el('measurements-alerts-box').hidden = alerts.children.length === 0;
    el('measurements-result').hidden = false;
    el('measurements-result-heading').focus();
  }

  // A 400: the server names the quantity (and its limits) or the field; said in Swedish.
  function refused(problem) {
    const quantity = problem && problem.quantity;
    if (quantity && problem.min !== undefined && problem.max !== undefined)
      say((quantityNames[quantity] || 'Ett värde') + ' ser inte rimligt ut: det ska vara mellan '
        + number(problem.min, 1) + ' och ' + number(problem.max, 1) + '. Kontrollera och försök igen.', true);
    else if (quantity === 'diastolic')
      say('Det undre blodtrycksvärdet ska vara lägre än det övre. Kontrollera och försök igen.', true);
    else
      say('Värdena kunde inte tas emot. Kontrollera det du har skrivit och försök igen.', true);
  }

  async function submit(event) {
    event.preventDefault();
    if (phase !== 'editing') return; // a second click while sending does nothing
    const { report, errors } = read();
    if (errors) {
      say('');
      showErrors(errors);
      return;
    }
    hideErrors();
    const key = portal.keyFor(scope, JSON.stringify(report));
    phase = 'sending';
    el('measurements-submit').disabled = true;
    say('Skickar dina värden …');
    posts += 1;
    let reply;
    try {
      reply = await portal.api('POST', '/api/v1/portal/measurements', report, key);
    } catch (e) {
      reply = { status: 0 };
    }
    el('measurements-submit').disabled = false;
    phase = 'editing';
    if (portal.definite(reply.status)) portal.settle(scope);
    switch (reply.status) {
      case 200:
      case 201: showResult(reply.json || {}); break;
      case 400: refused(reply.json); break;
      case 401:
      case 403: portal.expired(); break;
      case 0: say('Ingen kontakt med servern. Dina värden finns kvar – försök igen.', true); break;
      default: say('Värdena kunde inte sparas just nu. Försök igen om en stund.', true);
    }
  }

  function start(currentPortal) {
    portal = currentPortal;
    el('task-measurements').addEventListener('click', () => portal.go('measurements'));
    el('measurements-form').addEventListener('submit', submit);
    el('measurements-back').addEventListener('click', () => portal.home());
    el('measurements-done').addEventListener('click', () => portal.home());
    el('measurements-again').addEventListener('click', () => {
      reset();
      open();
      types[0].box.focus();
    });
    window.naraMeasurements = { phase: () => phase, posts: () => posts };
  }

  window.NaraMeasurements = { start, open };
})();
