// Which lessons this browser has opened: kept in its own localStorage, never sent to the server.
// Every page adds its own URL; the index marks each demo whose page (or exchange) was opened.
(function () {
  "use strict";
  var key = "hellomvc.opened";
  // The mark's word, in the page's language (the layout puts it on this script's tag).
  var word = (document.currentScript && document.currentScript.getAttribute("data-opened")) || "opened";
  var opened;
  try {
    opened = JSON.parse(window.localStorage.getItem(key) || "[]");
    if (!Array.isArray(opened)) opened = [];
  } catch (e) {
    return; // storage off or unreadable: nothing to remember, nothing to mark
  }
  var here = window.location.pathname + window.location.search;
  if (opened.indexOf(here) < 0) {
    opened.push(here);
    try { window.localStorage.setItem(key, JSON.stringify(opened.slice(-500))); } catch (e) { /* full: keep what it has */ }
  }
  var demos = document.querySelectorAll("li.demo");
  for (var i = 0; i < demos.length; i++) {
    var links = demos[i].querySelectorAll("a.open, a.exchange");
    for (var j = 0; j < links.length; j++) {
      if (opened.indexOf(links[j].pathname + links[j].search) >= 0) {
        demos[i].classList.add("opened");
        var mark = document.createElement("span");
        mark.className = "opened-mark";
        mark.textContent = word;
        demos[i].insertBefore(mark, demos[i].firstChild);
        break;
      }
    }
  }
})();
