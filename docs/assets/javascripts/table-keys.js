// A wide computed table scrolls in Material's frame (.md-typeset__scrollwrap), which the theme
// adds around it and which is not focusable; the table is (tabindex="0", named by its caption).
// Chromium does not pass the arrow keys from a focused table to the frame around it, so this does.
(function () {
  var STEP = 40;
  document.addEventListener("keydown", function (event) {
    var table = event.target;
    if (!table || !table.matches || !table.matches("table[data-bulletin-table]")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var frame = table.closest(".md-typeset__scrollwrap");
    if (!frame || frame.scrollWidth <= frame.clientWidth) return;
    var moves = {ArrowLeft: -STEP, ArrowRight: STEP, Home: -frame.scrollWidth, End: frame.scrollWidth};
    if (!(event.key in moves)) return;
    frame.scrollLeft += moves[event.key];
    event.preventDefault();
  });
})();
