/// The script of `search.html` (SearchPage), the only script Derive writes: it reads the
/// index `search-index.js` assigned to `window.deriveSearchIndex` (SearchIndex), takes the
/// query from the page's `?q=` or its search box, and lists the sections that match.
///
/// A query's words are matched against the words of each section (letters, digits and `_`, so
/// `w_1` is one word and `\partial L` gives `partial` and `l`): a word of two characters or
/// more also matches the words it starts (`sigm` finds `sigmoid`), a single character only
/// itself. A section's score adds, per query word, 10 for its heading, 4 for the note's title,
/// and its count in the text (at most 5); a prefix counts 7 in 10; the words side by side in
/// the order typed add 15. The sections that match the most query words are listed, best first
/// (the course's order between equals), the words marked in a snippet of the text.
enum SearchScript {
    static let source = #"""
(function () {
  "use strict";
  var notes = window.deriveSearchIndex;
  var input = document.getElementById("search-query");
  var form = document.getElementById("search-form");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var shown = 50;
  form.hidden = false;
  if (!Array.isArray(notes)) {
    status.textContent = "The search index (search-index.js) is missing: render the course again.";
    return;
  }
  var wordPattern = /[\p{L}\p{N}_]+/gu;
  function words(text) { return text.toLowerCase().match(wordPattern) || []; }

  // Every section once, and per word the sections holding it: [section, score, ...].
  var sections = [];
  var vocabulary = new Map();
  notes.forEach(function (note) {
    var noteWords = new Set(words(note[0]));
    note[2].forEach(function (section) {
      var index = sections.length;
      sections.push({ note: note, anchor: section[0], title: section[1], text: section[2] });
      var scores = new Map();
      function add(word, score) { scores.set(word, (scores.get(word) || 0) + score); }
      words(section[2]).forEach(function (word) { if ((scores.get(word) || 0) < 5) add(word, 1); });
      new Set(words(section[1])).forEach(function (word) { add(word, 10); });
      noteWords.forEach(function (word) { add(word, 4); });
      scores.forEach(function (score, word) {
        var entries = vocabulary.get(word);
        if (!entries) vocabulary.set(word, entries = []);
        entries.push(index, score);
      });
    });
  });

  function search(query) {
    var terms = Array.from(new Set(words(query)));
    var found = new Map();
    terms.forEach(function (term, position) {
      vocabulary.forEach(function (entries, word) {
        var weight = word === term ? 1 : term.length > 1 && word.startsWith(term) ? 0.7 : 0;
        if (!weight) return;
        for (var i = 0; i < entries.length; i += 2) {
          var hit = found.get(entries[i]);
          if (!hit) found.set(entries[i], hit = { section: entries[i], best: [] });
          hit.best[position] = Math.max(hit.best[position] || 0, weight * entries[i + 1]);
        }
      });
    });
    var hits = Array.from(found.values());
    hits.forEach(function (hit) {
      hit.matched = hit.best.filter(Boolean).length;
      hit.score = hit.best.reduce(function (sum, score) { return sum + (score || 0); }, 0);
    });
    var most = hits.reduce(function (most, hit) { return Math.max(most, hit.matched); }, 0);
    hits = hits.filter(function (hit) { return hit.matched === most; });
    // Words found side by side, as typed ("learning rate", "partial L"), count 15 more.
    if (terms.length > 1 && most === terms.length) {
      var phrase = new RegExp("(?<![\\p{L}\\p{N}_])" + terms.map(function (term) {
        return term + (term.length > 1 ? "[\\p{L}\\p{N}_]*" : "(?![\\p{L}\\p{N}_])");
      }).join("[^\\p{L}\\p{N}_]+"), "iu");
      hits.forEach(function (hit) {
        var section = sections[hit.section];
        if (phrase.test(section.title) || phrase.test(section.text)) hit.score += 15;
      });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.section - b.section; });
    return { terms: terms, hits: hits, most: most };
  }

  function marker(terms) {
    var parts = terms.map(function (term) { return term.length > 1 ? term + "[\\p{L}\\p{N}_]*" : term + "(?![\\p{L}\\p{N}_])"; });
    return new RegExp("(?<![\\p{L}\\p{N}_])(?:" + parts.join("|") + ")", "giu");
  }

  function appendMarked(parent, text, pattern) {
    var last = 0;
    text.replace(pattern, function (match, offset) {
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      var mark = document.createElement("mark");
      mark.textContent = match;
      parent.appendChild(mark);
      last = offset + match.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // Text with formulas between two $: the formulas in <code class="tex">, `inMath` when
  // the text starts inside one.
  function appendText(parent, text, pattern, inMath) {
    text.split("$").forEach(function (part, index) {
      if (!part) return;
      if (inMath !== (index % 2 === 1)) {
        var code = document.createElement("code");
        code.className = "tex";
        appendMarked(code, part, pattern);
        parent.appendChild(code);
      } else {
        appendMarked(parent, part, pattern);
      }
    });
  }

  // About 200 characters of the text around its first match.
  function appendSnippet(parent, text, pattern) {
    pattern.lastIndex = 0;
    var match = pattern.exec(text);
    var at = match ? match.index : 0;
    var start = Math.max(0, at - 70);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + 200);
    var space = text.lastIndexOf(" ", end);
    if (end < text.length && space > at) end = space;
    var inMath = text.slice(0, start).split("$").length % 2 === 0;
    if (start > 0) parent.appendChild(document.createTextNode("… "));
    appendText(parent, text.slice(start, end), pattern, inMath);
    if (end < text.length) parent.appendChild(document.createTextNode(" …"));
  }

  function show(query) {
    list.textContent = "";
    var result = search(query);
    if (!result.terms.length) {
      status.textContent = "Type words to search the notes: titles, text and formulas (sigmoid, w_1, learning rate).";
      return;
    }
    var hits = result.hits, count = hits.length;
    var some = result.most < result.terms.length;
    status.textContent = !count ? "No section matches “" + query.trim() + "”."
      : (count === 1 ? "1 section" : count + " sections") + (some ? " match " + result.most + " of the " + result.terms.length + " words" : " match")
        + " “" + query.trim() + "”" + (count > shown ? "; the first " + shown + " are listed." : ".");
    var pattern = marker(result.terms);
    hits.slice(0, shown).forEach(function (hit) {
      var section = sections[hit.section];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = section.note[1] + (section.anchor ? "#" + encodeURIComponent(section.anchor) : "");
      appendMarked(link, section.note[0], pattern);
      if (section.anchor) {
        link.appendChild(document.createTextNode(" › "));
        appendText(link, section.title, pattern, false);
      }
      item.appendChild(link);
      if (section.text) {
        var text = document.createElement("p");
        appendSnippet(text, section.text, pattern);
        item.appendChild(text);
      }
      list.appendChild(item);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  show(query);
  if (!query) input.focus();
  var timer;
  function update() {
    clearTimeout(timer);
    show(input.value);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) {}
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
})();
"""#
}
