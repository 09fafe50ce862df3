// While the search index is built for the first query (search_worker.js builds it then, not when a
// page opens: at 2,000 reports that takes many seconds), the result line says so, as Material's
// line did while it built the index on opening. The words are Material's own, read from the line
// before search is ready; Material puts its answer in the line when it comes.
(function () {
  var input = document.querySelector("input.md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  var config = document.getElementById("__config");
  if (!input || !meta || !config) return;
  var building = meta.textContent.trim();
  var typeToStart = (JSON.parse(config.textContent).translations || {})["search.result.placeholder"];
  if (!building || building === typeToStart) return;  // search was ready before this ran: no words to say
  var answered = false;
  input.addEventListener("keyup", function () {
    var shown = meta.textContent.trim();
    if (shown !== typeToStart && shown !== building) answered = true;  // Material has answered a query
    if (!answered && input.value && shown === typeToStart &&
        !document.querySelector(".md-search-result__item")) meta.textContent = building;
  });
})();
