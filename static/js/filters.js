// List filters on phones: the form starts folded behind its "Filters (n active)" summary so the results come
// first; on wider screens it is always open. Without JavaScript it simply stays open (the <details> is rendered
// open), so nothing is ever out of reach.
(function () {
  "use strict";
  var phone = window.matchMedia("(max-width: 767.98px)");

  function fit(details) {
    if (phone.matches) {
      details.removeAttribute("open");
    } else {
      details.setAttribute("open", "");
    }
  }

  function fitAll() {
    document.querySelectorAll("details.filter-toggle").forEach(fit);
  }

  // Loaded (synchronously) right after the filter form, so the form is folded before the results below it are
  // parsed and drawn: no layout shift on phones.
  fitAll();
  if (phone.addEventListener) {
    phone.addEventListener("change", fitAll);
  }
})();
