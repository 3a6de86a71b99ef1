// Nära patient portal: one FHIR R4 Questionnaire (the subset in modules/forms/core/README.md) as a
// plain HTML form. Keeps enableWhen up to date while the patient answers, checks the answers on the
// page (required, whole numbers, decimal comma, min/max, length) and builds the
// QuestionnaireResponse the server expects: answers of enabled items only, nested as the groups.
// Text is the plain (Swedish) field; where that wording still awaits verification the English
// translation is shown, marked lang="en".
'use strict';

(function () {
  const translationUrl = 'http://hl7.org/fhir/StructureDefinition/translation';
  const minValueUrl = 'http://hl7.org/fhir/StructureDefinition/minValue';
  const maxValueUrl = 'http://hl7.org/fhir/StructureDefinition/maxValue';
  const defaultMaxLength = 4000;

  function create(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text; // text, never HTML
    return element;
  }

  // { text, lang }: the Swedish plain field, else the English translation on its `_field`.
  function localized(plain, underscore) {
    if (typeof plain === 'string' && plain.trim() !== '') return { text: plain, lang: 'sv' };
    for (const extension of (underscore && underscore.extension) || []) {
      if (extension.url !== translationUrl) continue;
      const parts = extension.extension || [];
      const lang = parts.find((part) => part.url === 'lang');
      const content = parts.find((part) => part.url === 'content');
      if (lang && lang.valueCode === 'en' && content) return { text: content.valueString || '', lang: 'en' };
    }
    return { text: '', lang: 'sv' };
  }

  function setText(element, text) {
    element.textContent = text.text;
    if (text.lang !== 'sv') element.lang = text.lang;
    return text.lang !== 'sv';
  }

  function extensionValue(item, url) {
    const extension = (item.extension || []).find((e) => e.url === url);
    if (!extension) return undefined;
    return extension.valueInteger !== undefined ? extension.valueInteger : extension.valueDecimal;
  }

  // A number as the patient types it: "38,5", "38.5", " 7 ". NaN when it is not one.
  function parseNumber(text, whole) {
    const trimmed = text.trim().replace('\u2212', '-');
    const pattern = whole ? /^-?\d+$/ : /^-?\d+([.,]\d+)?$/;
    return pattern.test(trimmed) ? Number(trimmed.replace(',', '.')) : NaN;
  }

  function formatNumber(value) {
    return String(value).replace('.', ',');
  }

  // The value an enableWhen condition compares with (the code for a Coding).
  function conditionValue(condition) {
    if (condition.answerCoding) return condition.answerCoding.code;
    for (const key of ['answerBoolean', 'answerInteger', 'answerDecimal', 'answerString'])
      if (condition[key] !== undefined) return condition[key];
    return undefined;
  }

  // As the server (modules/forms/core/enablement.cpp): no answer makes every condition false
  // except `exists = false`; values of another type never match.
  function conditionHolds(condition, answers) {
    const answered = answers.has(condition.question);
    if (condition.operator === 'exists') return answered === condition.answerBoolean;
    if (!answered) return false;
    const actual = answers.get(condition.question);
    const expected = conditionValue(condition);
    if (typeof actual !== typeof expected) return false;
    const order = typeof actual === 'number' ? Math.sign(actual - expected) : (actual === expected ? 0 : 1);
    switch (condition.operator) {
      case '=': return order === 0;
      case '!=': return order !== 0;
      case '>': return order > 0;
      case '<': return order < 0;
      case '>=': return order >= 0;
      case '<=': return order <= 0;
      default: return false;
    }
  }

  function requiredMark(into) {
    const mark = create('span', 'required');
    mark.lang = 'sv'; // also inside a question shown in English
    const star = create('span', '', ' *');
    star.setAttribute('aria-hidden', 'true');
    mark.append(star, create('span', 'visually-hidden', ' (måste besvaras)'));
    into.append(mark);
  }

  // Builds the form for `questionnaire` into `container`; onChange(node) after every answer
  // (node.error.hidden: the item has no error now).
  function render(questionnaire, container, onChange) {
    const nodes = []; // every item in document order: { item, parent, wrapper, focus, error, read, ... }
    const byLinkId = new Map();
    let english = false;

    function errorElement(node) {
      const error = create('p', 'field-error');
      error.id = 'q-' + node.item.linkId + '-error';
      error.hidden = true;
      return error;
    }

    function renderChoice(node) {
      const item = node.item;
      const wrapper = create('fieldset', 'q-item q-choice');
      wrapper.setAttribute('role', 'radiogroup');
      const legend = create('legend');
      english = setText(legend, localized(item.text, item._text)) || english;
      if (item.required) {
        requiredMark(legend);
        wrapper.setAttribute('aria-required', 'true');
      }
      wrapper.append(legend);
      node.error = errorElement(node);
      wrapper.setAttribute('aria-describedby', node.error.id);
      const options = item.type === 'boolean'
        ? [{ value: 'true', text: { text: 'Ja', lang: 'sv' }, answer: true },
          { value: 'false', text: { text: 'Nej', lang: 'sv' }, answer: false }]
        : (item.answerOption || []).map((option) => ({
          value: option.valueCoding.code,
          text: localized(option.valueCoding.display, option.valueCoding._display),
          answer: option.valueCoding.code,
        }));
      node.radios = options.map((option, index) => {
        const label = create('label', 'option');
        const input = create('input');
        input.type = 'radio';
        input.name = 'q-' + item.linkId;
        input.id = 'q-' + item.linkId + '-' + index;
        input.value = option.value;
        const text = create('span');
        english = setText(text, option.text) || english;
        label.htmlFor = input.id;
        label.append(input, text);
        wrapper.append(label);
        input.addEventListener('change', () => changed(node));
        return { input, answer: option.answer };
      });
      node.focus = () => (node.radios.find((r) => r.input.checked) || node.radios[0]).input.focus();
      if (!item.required) { // radio buttons cannot be unchecked: a way to take an answer back
        const clear = create('button', 'link', 'Ta bort svaret');
        clear.type = 'button';
        clear.addEventListener('click', () => {
          for (const radio of node.radios) radio.input.checked = false;
          changed(node);
        });
        wrapper.append(clear);
      }
      wrapper.append(node.error);
      node.read = () => {
        const checked = node.radios.find((radio) => radio.input.checked);
        if (!checked) return null;
        return item.type === 'boolean'
          ? { value: checked.answer, fhir: { valueBoolean: checked.answer } }
          : { value: checked.answer, fhir: { valueCoding: { code: checked.answer } } };
      };
      return wrapper;
    }

    function renderInput(node) {
      const item = node.item;
      const wrapper = create('div', 'q-item');
      const id = 'q-' + item.linkId;
      const label = create('label');
      label.htmlFor = id;
      english = setText(label, localized(item.text, item._text)) || english;
      if (item.required) requiredMark(label);
      const min = extensionValue(item, minValueUrl);
      const max = extensionValue(item, maxValueUrl);
      const maxLength = item.maxLength || defaultMaxLength;
      let input;
      let hintText = '';
      let kind = '';
      let range = '';
      if (item.type === 'string') {
        input = create(maxLength > 200 ? 'textarea' : 'input');
        if (input.tagName === 'TEXTAREA') input.rows = 3;
        else input.type = 'text';
        input.maxLength = maxLength;
      } else {
        input = create('input');
        input.type = 'text'; // not type=number: it refuses the decimal comma in many browsers
        input.inputMode = item.type === 'integer' ? 'numeric' : 'decimal';
        input.autocomplete = 'off';
        kind = item.type === 'integer' ? 'ett heltal' : 'ett tal';
        if (min !== undefined && max !== undefined) range = ' från ' + formatNumber(min) + ' till ' + formatNumber(max);
        else if (min !== undefined) range = ', minst ' + formatNumber(min);
        else if (max !== undefined) range = ', högst ' + formatNumber(max);
        if (range) hintText = 'E' + kind.slice(1) + range + '.';
        if (item.type === 'decimal') hintText += (hintText ? ' ' : '') + 'Decimaler med komma, till exempel 38,5.';
      }
      input.id = id;
      if (item.required) input.setAttribute('aria-required', 'true');
      node.error = errorElement(node);
      const described = [];
      wrapper.append(label);
      if (hintText) {
        const hint = create('p', 'hint', hintText);
        hint.id = id + '-hint';
        described.push(hint.id);
        wrapper.append(hint);
      }
      described.push(node.error.id);
      input.setAttribute('aria-describedby', described.join(' '));
      wrapper.append(input, node.error);
      input.addEventListener('input', () => changed(node, true));
      input.addEventListener('change', () => changed(node));
      node.input = input;
      node.focus = () => input.focus();
      node.read = () => {
        const text = input.value;
        if (text.trim() === '') return null;
        if (item.type === 'string') {
          if (text.trim().length > maxLength) return { invalid: 'Svaret får vara högst ' + maxLength + ' tecken.' };
          return { value: text.trim(), fhir: { valueString: text.trim() } };
        }
        const whole = item.type === 'integer';
        const number = parseNumber(text, whole);
        if (Number.isNaN(number))
          return { invalid: whole ? 'Skriv ett heltal med siffror, till exempel 5.' : 'Skriv ett tal med siffror, till exempel 38,5.' };
        if ((min !== undefined && number < min) || (max !== undefined && number > max))
          return { invalid: 'Svaret måste vara ' + kind + range + '.' };
        return { value: number, fhir: whole ? { valueInteger: number } : { valueDecimal: number } };
      };
      return wrapper;
    }

    function renderItem(node) {
      const item = node.item;
      if (item.type === 'display') {
        const text = create('p', 'q-display');
        english = setText(text, localized(item.text, item._text)) || english;
        return text;
      }
      if (item.type === 'group') {
        const group = create('fieldset', 'q-group');
        const legend = create('legend');
        english = setText(legend, localized(item.text, item._text)) || english;
        group.append(legend);
        node.body = group;
        return group;
      }
      if (item.type === 'choice' || item.type === 'boolean') return renderChoice(node);
      return renderInput(node);
    }

    function add(items, parent, into) {
      for (const item of items || []) {
        const node = { item, parent, enabled: true };
        nodes.push(node);
        byLinkId.set(item.linkId, node);
        node.wrapper = renderItem(node);
        node.wrapper.id = node.wrapper.id || 'q-' + item.linkId + '-item';
        into.append(node.wrapper);
        if (item.type === 'group') add(item.item, node, node.body);
      }
    }

    // Recomputes which items are enabled (document order: a condition names an earlier item).
    function update() {
      const answers = new Map(); // linkId → value, enabled and valid answers only
      for (const node of nodes) {
        const conditions = node.item.enableWhen || [];
        const holds = (condition) => conditionHolds(condition, answers);
        let on = !node.parent || node.parent.enabled;
        if (on && conditions.length > 0)
          on = node.item.enableBehavior === 'any' ? conditions.some(holds) : conditions.every(holds);
        node.enabled = on;
        node.wrapper.hidden = !on;
        if (on && node.read) {
          const answer = node.read();
          if (answer && !answer.invalid) answers.set(node.item.linkId, answer.value);
        }
      }
    }

    function showError(node, message) {
      node.error.textContent = message || '';
      node.error.hidden = !message;
      node.wrapper.classList.toggle('invalid', !!message);
      const target = node.input || node.wrapper;
      if (message) target.setAttribute('aria-invalid', 'true');
      else target.removeAttribute('aria-invalid');
    }

    // typing: only clears an error (the number is checked when the field is left).
    function changed(node, typing) {
      update();
      if (typing) {
        if (node.error.textContent) showError(node, '');
      } else {
        const answer = node.read();
        showError(node, answer && answer.invalid ? answer.invalid : '');
      }
      if (onChange) onChange(node);
    }

    function questionText(node) {
      return localized(node.item.text, node.item._text).text;
    }

    // [{ node, question, message }] for every enabled item whose answer is missing or wrong.
    function validate() {
      update();
      const errors = [];
      for (const node of nodes) {
        if (!node.read) continue;
        let message = '';
        if (node.enabled) {
          const answer = node.read();
          if (answer && answer.invalid) message = answer.invalid;
          else if (!answer && node.item.required)
            message = node.radios ? 'Välj ett av svarsalternativen.' : 'Fyll i ett svar.';
        }
        showError(node, message);
        if (message) errors.push({ node, question: questionText(node), message });
      }
      return errors;
    }

    // The FHIR QuestionnaireResponse (README "QuestionnaireResponse"); call validate() first.
    function response() {
      update();
      function collect(items) {
        const out = [];
        for (const item of items || []) {
          const node = byLinkId.get(item.linkId);
          if (!node.enabled || item.type === 'display') continue;
          if (item.type === 'group') {
            const children = collect(item.item);
            if (children.length > 0) out.push({ linkId: item.linkId, item: children });
            continue;
          }
          const answer = node.read();
          if (answer && !answer.invalid) out.push({ linkId: item.linkId, answer: [answer.fhir] });
        }
        return out;
      }
      return {
        resourceType: 'QuestionnaireResponse',
        questionnaire: questionnaire.url,
        status: 'completed',
        item: collect(questionnaire.item),
      };
    }

    // Marks the item a server error names (its linkId in the detail); true when one was found.
    function markFromServer(detail, message) {
      const found = nodes.find((node) => node.read && new RegExp('(^|[^A-Za-z0-9-])' +
        node.item.linkId.replace(/[^A-Za-z0-9-]/g, '') + '($|[^A-Za-z0-9-])').test(detail || ''));
      if (!found) return null;
      showError(found, message);
      return { node: found, question: questionText(found), message };
    }

    container.replaceChildren();
    add(questionnaire.item, null, container);
    update();
    return { validate, response, markFromServer, hasEnglish: () => english, nodes: () => nodes };
  }

  window.NaraQuestionnaire = { render, localized, parseNumber, conditionHolds };
})();
