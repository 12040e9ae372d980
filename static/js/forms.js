// When a form comes back with errors, move focus to the summary so screen readers announce it; each entry
// links to its field.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
// A live character count under fields with a limit (data-max-chars); the server refuses overlong text with a
// message, so nothing is cut off silently. The wording comes from the page, in its language.
(function () {
  "use strict";
  document.querySelectorAll("[data-max-chars]").forEach(function (field) {
    var limit = parseInt(field.getAttribute("data-max-chars"), 10);
    var template = field.getAttribute("data-count-template") || "{count} / {limit}";
    var output = document.createElement("div");
    output.className = "form-text char-count";
    output.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", output);
    // Under a short one-line field the count appears only as the limit comes near.
    var always = field.tagName === "TEXTAREA";
    function update() {
      var count = Array.from(field.value).length;
      output.hidden = !always && count < limit * 0.8;
      output.textContent = template.replace("{count}", count).replace("{limit}", limit);
      output.classList.toggle("text-danger", count > limit);
    }
    field.addEventListener("input", update);
    update();
  });
})();
