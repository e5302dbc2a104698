/*
 * Progressive enhancement of the peer-help pages: every page works without this script.
 * - [data-suggest]: a text field that suggests communes as one types (WAI-ARIA combobox with a listbox:
 *   arrows move, Enter chooses, Escape closes); choosing one fills the hidden field named by
 *   data-suggest-target with the commune's typed code (com:69123).
 */
(function () {
  'use strict';

  function debounce(fn, ms) {
    var t;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function setupSuggest(input) {
    var target = document.getElementById(input.getAttribute('data-suggest-target'));
    var status = document.getElementById(input.getAttribute('data-suggest-status'));
    var wrapper = input.parentNode;
    var list = document.createElement('ul');
    var listId = input.id + '-suggestions';
    var items = [];
    var active = -1;
    list.id = listId;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', input.getAttribute('data-suggest-label') || '');
    list.hidden = true;
    wrapper.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function choose(i) {
      var c = items[i];
      if (!c) { return; }
      input.value = c.name + ' (' + (c.postalCodes && c.postalCodes.length ? c.postalCodes[0] : c.code) + ')';
      if (target) { target.value = 'com:' + c.code; }
      close();
    }

    function highlight(i) {
      var options = list.querySelectorAll('[role=option]');
      options.forEach(function (o, n) { o.setAttribute('aria-selected', n === i ? 'true' : 'false'); });
      active = i;
      if (options[i]) {
        input.setAttribute('aria-activedescendant', options[i].id);
        options[i].scrollIntoView({ block: 'nearest' });
      }
    }

    function render(found) {
      items = found;
      list.innerHTML = '';
      found.forEach(function (c, i) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = c.name + ' (' + (c.postalCodes && c.postalCodes.length ? c.postalCodes[0] : c.code) + ')'
          + (c.department ? ' – ' + c.department.name : '');
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = found.length === 0;
      input.setAttribute('aria-expanded', found.length ? 'true' : 'false');
      if (status) {
        status.textContent = found.length
          ? (status.getAttribute('data-some') || '').replace('%n', found.length)
          : (input.value.trim().length >= 2 ? status.getAttribute('data-none') || '' : '');
      }
      active = -1;
    }

    var lookup = debounce(function (text) {
      var q = text.trim();
      if (q.length < 2 || q.indexOf(':') >= 0) { render([]); return; }
      var param = /^\d{5}$/.test(q) ? 'postalCode' : (/^\d+$/.test(q) ? null : 'name');
      if (!param) { render([]); return; }
      fetch('/api/v1/geography/communes?limit=8&' + param + '=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (body) { if (input.value.trim() === q) { render(body.items || []); } })
        .catch(function () { render([]); });
    }, 200);

    input.addEventListener('input', function () {
      if (target) { target.value = ''; }
      lookup(input.value);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) { return; }
      if (e.key === 'ArrowDown') { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === 'Escape') { e.preventDefault(); close(); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
  }

  document.querySelectorAll('[data-suggest]').forEach(setupSuggest);
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
