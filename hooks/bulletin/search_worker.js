// Whole phrases, in both scripts, around Material's search worker (see search_worker.py).
// Material cuts a Chinese query into the index's words and matches each as a prefix, so 和諧杯
// became 和* (和服, 和田) and a Simplified query matched nothing on a Traditional site. This
// wrapper keeps Material's answer and puts first every page that holds the whole query, in
// either script (both folded to Simplified with the table the build put in the index's config),
// marks the page's own spelling of it in the snippet and in the link's ?h=, and marks no single
// character of a longer query.
// It also builds Material's index for the first query, not when a page opens (below).
(function () {
  var fold = {}, folding = null, entries = [], query = "";
  var listen = self.addEventListener.bind(self);
  var send = self.postMessage.bind(self);

  // A text folded for comparing: no word breaks, commas or spaces, every character Simplified.
  // Kept for every section, so it is made with two regular expressions, not character by character.
  function flat(text) {
    text = text.replace(/[\u200b,\s]+/g, "");
    return folding ? text.replace(folding, function (c) { return fold[c]; }) : text;
  }

  // The same, with where each character came from: only for a section that holds the query.
  function folded(text) {
    var out = [], from = [];
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (c === "\u200b" || c === "," || /\s/.test(c)) continue;
      out.push(fold[c] || c);
      from.push(i);
    }
    return { text: out.join(""), from: from };
  }

  function spanOf(entry, field, phrase) {
    if (entry[field].indexOf(phrase) < 0) return null;
    var f = folded(entry.doc[field] || ""), at = f.text.indexOf(phrase);
    if (at < 0) return null;
    return { field: field, start: f.from[at], end: f.from[at + phrase.length - 1] + 1 };
  }

  function marked(value, span) {
    return value.slice(0, span.start) + "<mark>" + value.slice(span.start, span.end) + "</mark>" +
      value.slice(span.end);
  }

  function unmarkLone(value) {
    return typeof value === "string" ? value.replace(/<mark>([^<]?)<\/mark>/g, "$1") : value;
  }

  function page(location) { return location.split("#")[0]; }

  function rerank(groups) {
    var phrase = folded(query).text;
    if (phrase.length < 2 || /\s/.test(query.trim())) return groups;
    var top = 1, holding = {}, order = [];
    groups.forEach(function (group) {
      group.forEach(function (item) { top = Math.max(top, item.score + 1); });
    });
    entries.forEach(function (entry) {
      var span = spanOf(entry, "title", phrase) || spanOf(entry, "text", phrase);
      if (!span) return;
      var key = page(entry.doc.location);
      if (!holding[key]) { holding[key] = {}; order.push(key); }
      holding[key][entry.doc.location] = { entry: entry, span: span };
    });
    var first = [], rest = [], known = {};
    groups.forEach(function (group) {
      var key = page(group[0].location);
      known[key] = group;
      if (!holding[key]) rest.push(group.map(function (item) {
        return Object.assign({}, item, { title: unmarkLone(item.title), text: unmarkLone(item.text) });
      }));
    });
    order.forEach(function (key) {
      var items = (known[key] || []).map(function (item) { return Object.assign({}, item); });
      var byLocation = {};
      items.forEach(function (item) { byLocation[item.location] = item; });
      Object.keys(holding[key]).forEach(function (location) {
        var hit = holding[key][location], doc = hit.entry.doc;
        var item = byLocation[location] || (items[items.length] = Object.assign({}, doc, { score: 0 }));
        var spelled = doc[hit.span.field].slice(hit.span.start, hit.span.end).replace(/\u200b/g, "");
        item.title = hit.span.field === "title" ? marked(doc.title, hit.span) : doc.title;
        item.text = hit.span.field === "text" ? marked(doc.text, hit.span) : doc.text;
        item.score += top;
        item.terms = {};
        item.terms[spelled] = true;
      });
      if (!items.some(function (item) { return item.location === key; })) {
        var article = entries.filter(function (e) { return e.doc.location === key; })[0];
        if (article) items.push(Object.assign({}, article.doc, { score: 0, terms: {} }));
      }
      items.forEach(function (item) {
        if (!holding[key][item.location]) {
          item.title = unmarkLone(item.title);
          item.text = unmarkLone(item.text);
        }
      });
      items.sort(function (a, b) { return b.score - a.score; });
      first.push(items);
    });
    first.sort(function (a, b) { return b[0].score - a[0].score; });
    return first.concat(rest);
  }

  function prepare(data) {
    fold = (data.config || {}).bulletin_folding || {};
    var characters = Object.keys(fold).join("");
    folding = characters ? new RegExp("[" + characters + "]", "gu") : null;
    entries = data.docs.map(function (doc) {
      return { doc: doc, title: flat(doc.title || ""), text: flat(doc.text || "") };
    });
  }

  // Material builds its whole index as soon as a page opens: at 2,000 reports more than 13 s of
  // a core for every page a reader opens, searching or not. Here the page is told at once that
  // search is ready (0 setup, 1 ready, 2 query, 3 result); the index it sent is built when the
  // first query that is not empty arrives, which is answered once Material says it is built.
  var setup = null, building = false, waiting = null, material = null;

  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options);
    material = listener;
    return listen(type, function (event) {
      var message = event.data || {};
      if (message.type === 0) {
        setup = event;
        send({ type: 1 });
        return;
      }
      if (message.type === 2 && setup) {
        if (message.data === "") {  // an empty box (a space typed is a reader typing: it builds)
          waiting = null;  // the box was emptied while the index was being built: nothing to answer
          send({ type: 3, data: { items: [] } });  // what Material answers an empty query
          return;
        }
        waiting = event;  // the latest query is the one answered
        if (!building) {
          building = true;
          prepare(setup.data.data);
          listener(setup);
        }
        return;
      }
      if (message.type === 2) query = String(message.data);
      return listener(event);
    }, options);
  };

  self.postMessage = function (message) {
    if (message && message.type === 1 && building) {  // Material's index is built: the page knew
      var next = waiting;
      setup = null;
      building = false;
      waiting = null;
      if (next) {
        query = String(next.data.data);
        material(next);
      }
      return;
    }
    if (message && message.type === 3 && message.data && message.data.items) {
      try {
        message = { type: 3, data: Object.assign({}, message.data, { items: rerank(message.data.items) }) };
      } catch (error) {
        console.warn(error);  // Material's own answer, unchanged
      }
    }
    return send.apply(null, [message].concat([].slice.call(arguments, 1)));
  };

  // Material's worker sits beside this file. From file://, the vendored iframe-worker shim runs
  // this file as a <script> in an iframe, where a relative address would be read against the page.
  var here = typeof document !== "undefined" && document.currentScript ? document.currentScript.src
    : self.location.href;
  importScripts(new URL("MATERIAL_WORKER", here).href);
})();
