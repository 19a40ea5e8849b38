// The language switch: its form posts to /culture with this browser's antiforgery token, which the page cannot carry
// (the output cache shares it between browsers), so it is fetched from /culture/token as the learner clicks.
(function () {
  "use strict";
  var form = document.getElementById("language-switch");
  if (!form || !window.fetch) return;
  form.addEventListener("submit", function (event) {
    if (form.dataset.ready === "true") return;
    event.preventDefault();
    var button = event.submitter;
    fetch(form.dataset.token, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (tokens) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = tokens.field;
        input.value = tokens.token;
        form.appendChild(input);
        form.dataset.ready = "true";
        form.requestSubmit(button);
      });
  });
})();
