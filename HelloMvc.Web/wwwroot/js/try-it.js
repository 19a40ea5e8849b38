// Try it: a lesson page (and the index) is the same for everyone, so this learner's state comes from /progress.
// Each task of the page's #try-it section that the server saw solved is marked data-solved="true" with "Solved" and
// its evidence (the request line, the status, when); an unsolved one shows its latest near miss. On the index, each
// lesson's count of solved tasks. Asking /progress also gives a browser that has no learner cookie its own.
(function () {
  "use strict";
  var script = document.currentScript;
  var tasks = document.querySelectorAll("#try-it li[data-task]");
  var counts = document.querySelectorAll("[data-tasks]");
  if (!script || !window.fetch || (tasks.length === 0 && counts.length === 0)) return;

  // Its words, in the page's language: the layout writes each on this script's tag, with {request}, {status}, {at},
  // {why}, {done} and {total} where the values go; the English here is what a tag without them gets.
  function say(name, english, values) {
    var sentence = script.getAttribute("data-" + name) || english;
    Object.keys(values || {}).forEach(function (key) { sentence = sentence.split("{" + key + "}").join(String(values[key])); });
    return sentence;
  }

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = content;
    return element;
  }

  function showSolved(item, solve) {
    var state = item.querySelector(".state");
    item.setAttribute("data-solved", "true");
    state.textContent = "";
    state.appendChild(text("strong", "solved", say("solved", "Solved")));
    // The sentence around the evidence: its request line, status and time go in as elements, the rest as text.
    var parts = say("evidence", ": the server saw {request} answered {status}, {at}.").split(/(\{request\}|\{status\}|\{at\})/);
    parts.forEach(function (part) {
      if (part === "{request}") state.appendChild(text("code", "evidence", solve.request));
      else if (part === "{status}") state.appendChild(text("span", "status", String(solve.status)));
      else if (part === "{at}") {
        var when = text("time", "", new Date(solve.at).toLocaleString(document.documentElement.lang || undefined));
        when.setAttribute("datetime", solve.at);
        state.appendChild(when);
      } else if (part) state.appendChild(document.createTextNode(part));
    });
  }

  function showNearMiss(item, miss) {
    var state = item.querySelector(".state");
    state.textContent = "";
    state.appendChild(text("span", "near-miss", say("near-miss", "You sent {request} and got {status}: {why}",
      { request: miss.request, status: miss.status, why: miss.why })));
  }

  function mark(progress) {
    var solved = {}, missed = {};
    progress.solved.forEach(function (solve) { solved[solve.task] = solve; });
    progress.nearMisses.forEach(function (miss) { missed[miss.task] = miss; });
    Array.prototype.forEach.call(tasks, function (item) {
      var id = item.getAttribute("data-task");
      if (solved[id]) showSolved(item, solved[id]);
      else if (missed[id]) showNearMiss(item, missed[id]);
    });
    Array.prototype.forEach.call(counts, function (count) {
      var ids = count.getAttribute("data-tasks").split(" ");
      var done = ids.filter(function (id) { return solved[id]; }).length;
      count.textContent = ids.length === 1
        ? say("count-one", "{done} of {total} task solved", { done: done, total: ids.length })
        : say("count", "{done} of {total} tasks solved", { done: done, total: ids.length });
      count.classList.toggle("all-solved", done === ids.length);
    });
  }

  window.fetch(script.getAttribute("data-progress"), {
    headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store"
  }).then(function (response) {
    return response.ok ? response.json() : null;
  }).then(function (progress) {
    if (progress) mark(progress);
  }).catch(function () { /* the page keeps its list, and links /progress */ });
})();
