// Give Material's search panel (role="dialog") a name, so screen readers announce what opened.
(function () {
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.getAttribute("aria-label")) {
    var input = document.querySelector("input.md-search__input");
    dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "搜尋");
  }
})();
