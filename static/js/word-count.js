// Live word count for textareas with data-word-limit; the server enforces the same limit.
(function () {
  "use strict";
  function count(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }
  document.querySelectorAll("textarea[data-word-limit]").forEach(function (field) {
    var limit = parseInt(field.getAttribute("data-word-limit"), 10);
    var output = document.getElementById(field.getAttribute("aria-describedby"));
    if (!output) {
      return;
    }
    var template = output.getAttribute("data-template");
    function update() {
      var words = count(field.value);
      output.textContent = template.replace("{words}", words).replace("{limit}", limit);
      output.classList.toggle("text-danger", words > limit);
    }
    field.addEventListener("input", update);
    update();
  });
})();
