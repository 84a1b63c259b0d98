// Behaviour of the page written by `evgraph render --format html`
// (timeline_html.cpp inlines this file). Data comes from the JSON block
// with id "timeline-data"; all article text
// is inserted with textContent, never as HTML.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('timeline-data').textContent);
  const svg = document.querySelector('#timeline-scroll svg');
  const itemEls = Array.from(svg.querySelectorAll('.item'));
  const arrowEls = Array.from(svg.querySelectorAll('.arrow'));
  const details = document.getElementById('details');
  const tooltip = document.getElementById('tooltip');
  const visibleCount = document.getElementById('visible-count');
  let lastFocus = null;

  function checkedValues(fieldset) {
    const set = new Set();
    fieldset.querySelectorAll('input[type=checkbox]').forEach(function (box) {
      if (box.checked) set.add(box.value);
    });
    return set;
  }

  function applyFilters() {
    const actors = checkedValues(document.getElementById('actor-filter'));
    const actions = checkedValues(document.getElementById('action-filter'));
    const hidden = new Set();
    itemEls.forEach(function (el) {
      const hide = !actors.has(el.dataset.actor) || !actions.has(el.dataset.action);
      el.classList.toggle('is-hidden', hide);
      if (hide) hidden.add(el.dataset.item);
    });
    arrowEls.forEach(function (el) {
      el.classList.toggle('is-hidden', hidden.has(el.dataset.from) || hidden.has(el.dataset.to));
    });
    visibleCount.textContent = 'showing ' + (itemEls.length - hidden.size) + ' of ' + itemEls.length;
  }

  function safeUrl(url) {
    return /^https?:\/\//i.test(url || '') ? url : null;
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function headline(item) {
    let text = (item.actor_name || 'unattributed') + ' ' + item.action.replace(/_/g, ' ');
    if (item.target_name) text += ' \u2192 ' + item.target_name;
    return text;
  }

  function openDetails(index, trigger) {
    const item = data.items[index];
    if (!item) return;
    itemEls.forEach(function (e) { e.classList.toggle('selected', e.dataset.item === String(index)); });
    details.replaceChildren();
    const close = el('button', '\u00d7', 'close');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close details');
    close.addEventListener('click', closeDetails);
    details.appendChild(close);
    details.appendChild(el('h2', headline(item)));
    details.appendChild(el('p', (item.date_label || 'undated') + ' \u00b7 precision: ' + (item.precision || 'none') +
      (item.cue ? ' \u00b7 cue: \u201c' + item.cue + '\u201d' : ''), 'meta'));
    if (item.quote) details.appendChild(el('blockquote', '\u201c' + item.quote + '\u201d', 'quote'));
    if (item.conflicting_dates && item.conflicting_dates.length)
      details.appendChild(el('p', 'Also reported as: ' + item.conflicting_dates.join(', '), 'meta'));
    const related = [];
    (item.responds_to || []).forEach(function (i) { related.push('responds to ' + headline(data.items[i])); });
    (item.responded_by || []).forEach(function (i) { related.push('answered by ' + headline(data.items[i])); });
    if (related.length) {
      const list = el('ul');
      related.forEach(function (text) { list.appendChild(el('li', text)); });
      details.appendChild(list);
    }
    details.appendChild(el('h3', 'Sources'));
    const sources = el('ul', null, 'sources');
    (item.sources || []).forEach(function (source) {
      const li = el('li');
      const label = source.title || source.id;
      const url = safeUrl(source.url);
      if (url) {
        const a = el('a', label);
        a.href = url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        li.appendChild(a);
      } else {
        li.appendChild(el('span', label));
      }
      const extra = [source.outlet, source.published].filter(Boolean).join(', ');
      if (extra) li.appendChild(el('span', ' (' + extra + ')'));
      if (source.excerpt) li.appendChild(el('div', '\u201c' + source.excerpt + '\u201d', 'meta'));
      sources.appendChild(li);
    });
    if (!(item.sources || []).length) sources.appendChild(el('li', 'no source recorded'));
    details.appendChild(sources);
    details.hidden = false;
    lastFocus = trigger || null;
    close.focus({ preventScroll: true });
  }

  function closeDetails() {
    details.hidden = true;
    itemEls.forEach(function (e) { e.classList.remove('selected'); });
    if (lastFocus) lastFocus.focus();
  }

  function showTooltip(el, event) {
    const item = data.items[el.dataset.item];
    if (!item) return;
    let text = (item.date_label || 'undated') + ' \u2014 ' + headline(item);
    if (item.quote) text += ': \u201c' + (item.quote.length > 160 ? item.quote.slice(0, 159) + '\u2026' : item.quote) + '\u201d';
    tooltip.textContent = text;
    tooltip.hidden = false;
    const rect = el.getBoundingClientRect();
    const x = event && event.clientX !== undefined ? event.clientX : rect.left;
    const y = event && event.clientY !== undefined ? event.clientY : rect.top;
    tooltip.style.left = Math.min(x + 14, window.innerWidth - 360) + 'px';
    tooltip.style.top = (y + 16) + 'px';
  }

  itemEls.forEach(function (item) {
    // The SVG <title> is for viewers without script; here the tooltip replaces it.
    const native = item.querySelector('title');
    if (native) native.remove();
    item.addEventListener('click', function () { openDetails(Number(item.dataset.item), item); });
    item.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') {
        event.preventDefault();
        openDetails(Number(item.dataset.item), item);
      }
    });
    item.addEventListener('mouseenter', function (event) { showTooltip(item, event); });
    item.addEventListener('mousemove', function (event) { showTooltip(item, event); });
    item.addEventListener('mouseleave', function () { tooltip.hidden = true; });
    item.addEventListener('focus', function () { showTooltip(item); });
    item.addEventListener('blur', function () { tooltip.hidden = true; });
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !details.hidden) closeDetails();
  });
  document.querySelectorAll('#filters input[type=checkbox]').forEach(function (box) {
    box.addEventListener('change', applyFilters);
  });
  document.getElementById('show-all').addEventListener('click', function () {
    document.querySelectorAll('#filters input[type=checkbox]').forEach(function (box) { box.checked = true; });
    applyFilters();
  });
  document.getElementById('show-none').addEventListener('click', function () {
    document.querySelectorAll('#actor-filter input[type=checkbox]').forEach(function (box) { box.checked = false; });
    applyFilters();
  });
  applyFilters();
}());
