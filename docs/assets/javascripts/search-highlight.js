// Highlight what the reader searched for on the page a search result opens.
// Material puts the matched index words into the result link's ?h= parameter; for Chinese those
// are empty or single characters, so the words would not be highlighted. Just before the link
// is followed, replace ?h= with what the reader typed (and 14400 also as 14,400, as pages show it)
// — unless ?h= is already the page's own spelling of the whole query, which our search worker
// sets for a page holding it (hooks/bulletin/search_worker.js): 劳动竞赛 typed, 勞動競賽 on the page.
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a.md-search-result__link") : null;
  var input = document.querySelector("input.md-search__input");
  var query = input ? input.value.trim() : "";
  if (!link || !query) return;
  var url = new URL(link.getAttribute("href"), window.location.href);
  var spelled = url.searchParams.get("h") || "";
  var bare = function (text) { return text.replace(/[\s,]/g, ""); };
  if (spelled && !/\s/.test(query) && bare(spelled).length === bare(query).length) return;
  var terms = query.split(/\s+/);
  terms.slice().forEach(function (term) {
    if (/^\d{4,}$/.test(term)) terms.push(term.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
  });
  url.searchParams.set("h", terms.join(" "));
  link.setAttribute("href", url.toString());
}, true);
