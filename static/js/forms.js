// When a form comes back with errors, move focus to the summary so screen readers announce it; each entry
// links to its field.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
