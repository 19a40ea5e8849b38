// "The code" on a demo page: the page leads with the action and its Flask twin; the rest (the controller, the view,
// what the demo is about) is folded. Without script its control is a link to the demo's /source page. With it, the
// link becomes a button that fetches the same listing's rest (/source/…?part=rest, a partial view) with jQuery the
// first time it is opened, then folds and unfolds it. jQuery is the page's own when it has one (the post page),
// else it is loaded from this site when the button is first pressed.
(function () {
  "use strict";

  var link = document.querySelector(".the-code .source-more a[data-rest]");
  var rest = document.getElementById("source-rest");
  if (!link || !rest) {
    return;
  }
  var openLabel = link.textContent;
  var state = "folded"; // folded, loading, loaded

  var button = document.createElement("button");
  button.type = "button";
  button.className = "source-more";
  button.textContent = openLabel;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", rest.id);
  link.replaceWith(button);

  function withJQuery(then) {
    if (window.jQuery) {
      then(window.jQuery);
      return;
    }
    var script = document.createElement("script");
    script.src = link.getAttribute("data-jquery");
    script.onload = function () { then(window.jQuery); };
    script.onerror = function () { failed(null); };
    document.head.appendChild(script);
  }

  function show(open) {
    rest.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Fold the rest of the code" : openLabel;
  }

  // A failed fetch says so, offers the page that has the same code, and leaves the button ready to try again.
  function failed(xhr) {
    state = "folded";
    var message = document.createElement("p");
    message.className = "ajax-error";
    message.setAttribute("role", "alert");
    message.textContent = "Could not load the rest of the code" + (xhr ? " (" + xhr.status + " " + xhr.statusText + ")" : "") + ". ";
    var page = document.createElement("a");
    page.href = link.href;
    page.textContent = "See it on its own page";
    message.appendChild(page);
    rest.replaceChildren(message);
    rest.hidden = false;
    button.removeAttribute("aria-busy");
  }

  button.addEventListener("click", function () {
    if (state === "loaded") {
      show(rest.hidden);
      return;
    }
    if (state === "loading") {
      return;
    }
    state = "loading";
    button.setAttribute("aria-busy", "true");
    withJQuery(function ($) {
      $.ajax({ url: link.getAttribute("data-rest"), dataType: "html" })
        .done(function (html) {
          $(rest).html(html);
          state = "loaded";
          button.removeAttribute("aria-busy");
          show(true);
        })
        .fail(failed);
    });
  });
})();
