// The web chat page. Every message is built from DOM text nodes: nothing the visitor or the server
// sends is ever parsed as HTML. Identity is the server's session cookie; no user id is sent.
(function () {
  'use strict';
  const log = document.getElementById('log');
  const form = document.getElementById('ask');
  const input = document.getElementById('question');

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Knowledge-base text marks emphasis as *words*; render those as <strong> text nodes.
  function inline(parent, text) {
    String(text).split(/(\*[^*\n]+\*)/).forEach(function (part) {
      if (/^\*[^*\n]+\*$/.test(part)) parent.appendChild(el('strong', '', part.slice(1, -1)));
      else if (part) parent.appendChild(document.createTextNode(part));
    });
    return parent;
  }

  function renderBlock(block) {
    if (block.type === 'list') {
      const list = el(block.ordered ? 'ol' : 'ul');
      block.items.forEach(function (item) { list.appendChild(inline(el('li'), item)); });
      return list;
    }
    if (block.type === 'table') {
      const table = el('table');
      const head = table.appendChild(el('thead')).appendChild(el('tr'));
      block.columns.forEach(function (c) { head.appendChild(el('th', '', c)).setAttribute('scope', 'col'); });
      const body = table.appendChild(el('tbody'));
      block.rows.forEach(function (row) {
        const tr = body.appendChild(el('tr'));
        row.forEach(function (cell) { tr.appendChild(el('td', '', cell)); });
      });
      return table;
    }
    return inline(el('p'), block.text);
  }

  function scroll() { log.scrollTop = log.scrollHeight; }

  function showMine(text) {
    log.appendChild(el('div', 'msg msg--me', text));
    scroll();
  }

  function showBot(reply) {
    const box = el('div', 'msg msg--bot');
    box.setAttribute('data-intent', reply.intent || '');
    (reply.blocks && reply.blocks.length ? reply.blocks : [{ type: 'paragraph', text: reply.text || '' }])
      .forEach(function (b) { box.appendChild(renderBlock(b)); });
    if (reply.source) box.appendChild(el('p', 'source', 'Source: ' + reply.source));
    if (reply.quotes && reply.quotes.length) {
      // "Where does this come from?": the page's own sentences, as text nodes.
      const why = el('details', 'quotes');
      why.appendChild(el('summary', '', 'Where does this come from?'));
      reply.quotes.forEach(function (q) { why.appendChild(el('blockquote', '', q)); });
      box.appendChild(why);
    }
    const buttons = el('div', 'choices');
    (reply.quick_replies || []).forEach(function (q) {
      const b = el('button', '', q.title);
      b.type = 'button';
      b.addEventListener('click', function () {
        if (q.topic) send({ type: 'message', text: q.title, topic: q.topic }, q.title);
        else send({ type: 'message', text: q.reply }, q.title);
      });
      buttons.appendChild(b);
    });
    if (buttons.childNodes.length) box.appendChild(buttons);
    if (reply.feedback) {
      const rate = el('div', 'choices choices--feedback');
      rate.appendChild(el('span', '', 'Was this helpful?'));
      [['Yes', true], ['No', false]].forEach(function (f) {
        const b = el('button', 'feedback', f[0]);
        b.type = 'button';
        b.setAttribute('aria-label', f[1] ? 'This answer was helpful' : 'This answer was not helpful');
        b.addEventListener('click', function () {
          send({ type: 'feedback', intent: reply.feedback, helpful: f[1], record: reply.record });
          box.querySelectorAll('button.feedback').forEach(function (x) { x.disabled = true; });
        });
        rate.appendChild(b);
      });
      box.appendChild(rate);
    }
    log.appendChild(box);
    scroll();
  }

  function send(message, shown) {
    if (shown) showMine(shown);
    return fetch('/api/messages', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
    })
      .then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok) throw new Error(body && body.error ? body.error : 'The server answered ' + res.status);
          return body;
        });
      })
      .then(function (replies) { (Array.isArray(replies) ? replies : []).forEach(showBot); })
      .catch(function (error) { showBot({ text: 'Sorry, something went wrong: ' + error.message }); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({ type: 'message', text: text }, text);
    input.focus();
  });

  send({ type: 'message', text: 'hello' });
  input.focus();
})();
