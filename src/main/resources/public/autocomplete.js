// Title suggestions for the search box, from /api/search. Optional: without it the box still works.
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
    if (text.length < 3 || !/^[\p{L}\p{N} ]+$/u.test(text) || text === asked) return;
    asked = text;
    fetch("/api/search?size=6&q=" + encodeURIComponent(text + "*"), {headers: {"Accept": "application/json"}})
      .then(function (res) { return res.ok ? res.json() : {hits: []}; })
      .then(function (page) {
        if (input.value.trim() !== text) return;
        list.replaceChildren();
        (page.hits || []).forEach(function (hit) {
          if (!hit.title) return;
          var option = document.createElement("option");
          option.value = hit.title;
          list.appendChild(option);
        });
      })
      .catch(function () { /* suggestions are optional */ });
  }
})();
