// Live word count for textareas with data-word-limit; the server enforces the same limit with the same rule
// (portal/forms.py count_words): a run of letters or digits between spaces is one word, each Chinese character is
// one word, and punctuation on its own (，。— “”) is none.
(function () {
  "use strict";
  var IDEOGRAPHS = "\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  var TOKENS = new RegExp("[" + IDEOGRAPHS + "]|[^\\s" + IDEOGRAPHS + "]+", "gu");
  var IDEOGRAPH = new RegExp("^[" + IDEOGRAPHS + "]$", "u");
  var LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
  function count(text) {
    var tokens = text.match(TOKENS) || [];
    return tokens.filter(function (token) {
      return IDEOGRAPH.test(token) || LETTER_OR_DIGIT.test(token);
    }).length;
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
