// Title and author suggestions for the search box, from /api/suggest. Optional: without it the box still works.
// Titles are put in with textContent/value only, never as HTML.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("q-suggestions");
  if (!input || !list || !window.fetch) return;
  var timer = null;
  var asked = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });

  function suggest() {
    var text = input.value.trim();
    // Plain words only: anything with query syntax is left to the search page.
    if (text.length < 2 || !/^[\p{L}\p{N} ]+$/u.test(text) || text === asked) return;
    asked = text;
    fetch("/api/suggest?size=8&q=" + encodeURIComponent(text), {headers: {"Accept": "application/json"}})
      .then(function (res) { return res.ok ? res.json() : {suggestions: []}; })
      .then(function (answer) {
        if (input.value.trim() !== text) return;
        list.replaceChildren();
        (answer.suggestions || []).forEach(function (s) {
          if (!s.text) return;
          var option = document.createElement("option");
          // An author is offered as an author: query, a title as itself.
          option.value = s.kind === "author" ? "author:\"" + s.text + "\"" : s.text;
          list.appendChild(option);
        });
      })
      .catch(function () { /* suggestions are optional */ });
  }
})();
