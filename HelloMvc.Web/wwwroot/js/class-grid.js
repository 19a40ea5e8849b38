// The teacher's grid keeps itself current: every two seconds it asks its own URL for JSON (Accept: application/json)
// and, when something changed, redraws the rows and the counts. Names go in as text, never as HTML. It polls rather than
// holding a stream open (server-sent events): any instance behind nginx answers any poll, with nothing to buffer or to
// time out, and a poll is one small request every two seconds for the one teacher's page of a class.
(function () {
  "use strict";
  var table = document.getElementById("class-grid");
  var template = document.getElementById("remove-student");
  if (!table || !template || !window.fetch) return;
  var url = table.getAttribute("data-poll");
  var every = 2000;
  var tasks = Array.prototype.map.call(table.querySelectorAll("thead th[data-task]"), function (th) {
    return th.getAttribute("data-task");
  });
  var status = document.getElementById("grid-status");
  var count = table.querySelector(".student-count");
  var last = null;
  var busy = false;
  var timer = null;

  function two(n) { return (n < 10 ? "0" : "") + n; }

  // A solve's time in the teacher's own time zone; the page was drawn in UTC.
  function localize(time) {
    var at = new Date(time.getAttribute("datetime"));
    if (isNaN(at)) return;
    time.textContent = two(at.getHours()) + ":" + two(at.getMinutes());
    time.title = at.toLocaleString();
  }

  function cell(task, at) {
    var td = document.createElement("td");
    td.setAttribute("data-task", task);
    if (at) {
      td.setAttribute("data-solved", "true");
      var time = document.createElement("time");
      time.setAttribute("datetime", at);
      td.appendChild(time);
      localize(time);
    } else {
      td.className = "unsolved";
      td.innerHTML = '<span aria-hidden="true">·</span><span class="visually-hidden">not yet</span>';
    }
    return td;
  }

  function row(student) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-student", String(student.number));
    var name = document.createElement("th");
    name.scope = "row";
    name.textContent = student.name;
    tr.appendChild(name);
    tasks.forEach(function (task) { tr.appendChild(cell(task, student.solved[task])); });
    var remove = template.content.firstElementChild.cloneNode(true);
    remove.setAttribute("action", remove.getAttribute("action").replace("/students/0/", "/students/" + student.number + "/"));
    remove.querySelector("button").setAttribute("aria-label", "Remove " + student.name);
    var td = document.createElement("td");
    td.appendChild(remove);
    tr.appendChild(td);
    return tr;
  }

  function draw(grid) {
    // A keyboard user on a row's Remove button keeps the focus there across the redraw.
    var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest("tr[data-student]");
    var rows = document.createDocumentFragment();
    grid.students.forEach(function (student) { rows.appendChild(row(student)); });
    table.tBodies[0].replaceChildren(rows);
    table.tFoot.querySelectorAll("td[data-task]").forEach(function (td) {
      td.textContent = String(grid.solvedBy[td.getAttribute("data-task")] || 0);
    });
    if (count) count.textContent = String(grid.students.length);
    if (focused) {
      var again = table.querySelector('tr[data-student="' + focused.getAttribute("data-student") + '"] button');
      if (again) again.focus();
    }
  }

  function say(text) { if (status) status.textContent = text; }

  function stop(text) {
    window.clearInterval(timer);
    say(text);
  }

  function poll() {
    if (busy || document.hidden) return;
    busy = true;
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (response.status === 403 || response.status === 404) {
          stop("This page no longer updates: the class was closed, or this browser may no longer teach it.");
          return null;
        }
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (text) {
        if (text === null) return;
        if (text !== last) {
          last = text;
          draw(JSON.parse(text));
        }
        var now = new Date();
        say("Updated at " + two(now.getHours()) + ":" + two(now.getMinutes()) + ":" + two(now.getSeconds()) + ".");
      })
      .catch(function () { say("The last update failed; trying again."); })
      .then(function () { busy = false; });
  }

  table.querySelectorAll("time[datetime]").forEach(localize);
  timer = window.setInterval(poll, every);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) poll(); });
})();
