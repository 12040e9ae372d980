// Admin forms of translated content: a "Fill Simplified from Traditional" button that fills only the empty
// Simplified Chinese fields from their Traditional ones (OpenCC on the server, see portal/translation_admin.py),
// for staff to review before saving. Saving fills the same fields anyway; what staff typed is never replaced.
(function () {
  "use strict";

  function simplifiedInputs(form) {
    return Array.prototype.slice.call(form.querySelectorAll("[data-fill-simplified-url]"));
  }

  function convert(url, token, text) {
    var body = new URLSearchParams();
    body.append("text", text);
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token },
      body: body,
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.statusText); }
      return response.json();
    });
  }

  function fill(form, button, status) {
    var first = simplifiedInputs(form)[0];
    var tokenInput = form.querySelector("input[name=csrfmiddlewaretoken]");
    var token = tokenInput ? tokenInput.value : "";
    var jobs = simplifiedInputs(form).map(function (input) {
      var source = form.elements[input.getAttribute("data-fill-simplified-from")];
      if (input.value.trim() || !source || !source.value.trim()) { return Promise.resolve(0); }
      return convert(input.getAttribute("data-fill-simplified-url"), token, source.value).then(function (data) {
        if (input.value.trim()) { return 0; }  // typed in meanwhile: keep what staff wrote
        input.value = data.text;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
        return 1;
      });
    });
    button.disabled = true;
    Promise.all(jobs).then(function (counts) {
      var filled = counts.reduce(function (a, b) { return a + b; }, 0);
      status.textContent = first.getAttribute("data-fill-simplified-done").replace("{count}", filled);
    }).catch(function () {
      status.textContent = first.getAttribute("data-fill-simplified-failed");
    }).then(function () {
      button.disabled = false;
    });
  }

  function setUp(form) {
    var inputs = simplifiedInputs(form);
    if (!inputs.length) { return; }
    var first = inputs[0];
    var wrapper = document.createElement("p");
    wrapper.className = "fill-simplified";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = first.getAttribute("data-fill-simplified-label");
    var help = document.createElement("span");
    help.className = "help";
    help.textContent = " " + first.getAttribute("data-fill-simplified-help") + " ";
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    wrapper.appendChild(button);
    wrapper.appendChild(help);
    wrapper.appendChild(status);
    var anchor = form.querySelector("fieldset") || form.firstElementChild;
    anchor.parentNode.insertBefore(wrapper, anchor);
    button.addEventListener("click", function () { fill(form, button, status); });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
