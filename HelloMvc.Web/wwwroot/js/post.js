// The post page's script: four AJAX calls through jQuery, each answered differently by the server.
// Every URL comes from a data-url attribute the view wrote with URL generation, so none is typed here.
$(function () {
  "use strict";

  // What the script says, in the page's language: the view writes each sentence on #post-words (data-*), with
  // {page} and {why} where the values go; the English here is what a page without them gets.
  var $words = $("#post-words");
  function say(name, english, values) {
    var text = $words.attr("data-" + name) || english;
    $.each(values || {}, function (key, value) { text = text.split("{" + key + "}").join(value); });
    return text;
  }

  // Load More: GET /http/more?page=N answers a partial view, a few <p>s to append as they are.
  var $load = $("#load");
  var $loadError = $("#load-error");
  var $body = $(".body");
  var loadLabel = $load.text();
  var loading = false;

  $load.on("click", function () {
    if (loading) {
      return; // one request at a time, even if a click slips past the disabled button
    }
    var page = Number($load.attr("data-next-page"));
    loading = true;
    $load.prop("disabled", true).attr("aria-busy", "true").text(say("loading", "Loading…"));
    $loadError.prop("hidden", true).text("");

    $.ajax({ url: $load.attr("data-url"), data: { page: page }, dataType: "html" })
      .done(function (html) {
        var $added = $($.parseHTML(html)).filter("p");
        $body.append($added);
        $load.attr("data-next-page", page + 1);
        // The button was disabled while loading, which drops keyboard focus to the page: take it to what arrived.
        $added.first().attr("tabindex", "-1").trigger("focus");
      })
      .fail(function (xhr) {
        $loadError.text(say("load-failed", "Could not load page {page} ({why}). Try again.", { page: page, why: describe(xhr) })).prop("hidden", false);
      })
      .always(function () {
        loading = false;
        $load.prop("disabled", false).removeAttr("aria-busy").text(loadLabel);
      });
  });

  // Show comments: another partial view, this time replacing what was there.
  var $showComments = $("#show-comments");
  var $comments = $("#comments");

  $showComments.on("click", function () {
    $showComments.prop("disabled", true);
    $.ajax({ url: $showComments.attr("data-url"), dataType: "html" })
      .done(function (html) {
        // The button goes away, so focus moves to the comments it fetched instead of falling to the page.
        $comments.html(html).attr("tabindex", "-1").trigger("focus");
        $showComments.remove();
      })
      .fail(function (xhr) {
        $comments.empty().append(errorMessage(say("comments-failed", "Could not load the comments ({why}).", { why: describe(xhr) })));
        $showComments.prop("disabled", false);
      });
  });

  // The author's name: JSON this time, so the script builds the markup and sets text, never HTML.
  var $author = $("#author");
  var $profile = $("#profile");

  $author.on("click", function () {
    $.ajax({ url: $author.attr("data-url"), dataType: "json" })
      .done(function (profile) {
        $profile.find(".username").text(profile.username);
        $profile.find(".bio").text(profile.bio);
        $profile.find(".ajax-error").remove();
        $profile.prop("hidden", false);
      })
      .fail(function (xhr) {
        $profile.find(".ajax-error").remove();
        $profile.append(errorMessage(say("profile-failed", "Could not load the profile ({why}).", { why: describe(xhr) }))).prop("hidden", false);
      });
  });

  // Delete: a DELETE request, answered by 204 No Content, so success is the status alone.
  var $delete = $("#delete");
  var $deleteStatus = $("#delete-status");

  $delete.on("click", function () {
    $delete.prop("disabled", true);
    $.ajax({ url: $delete.attr("data-url"), method: "DELETE" })
      .done(function (_, __, xhr) {
        $deleteStatus.removeClass("ajax-error")
          .text(say("deleted", "Deleted: the server answered {why}. (Nothing was stored, so nothing really went.)", { why: describe(xhr) }));
      })
      .fail(function (xhr) {
        $deleteStatus.addClass("ajax-error").text(say("delete-failed", "Could not delete the post ({why}).", { why: describe(xhr) }));
        $delete.prop("disabled", false);
      });
  });

  // The request log: jQuery's global AJAX events see every request this page sends, whoever sent it.
  var $log = $("#request-log tbody");
  var $logEmpty = $("#request-log-empty");

  $(document).on("ajaxSend", function (_, xhr, settings) {
    xhr.helloMvcStarted = window.performance.now();
  });

  $(document).on("ajaxComplete", function (_, xhr, settings) {
    var ms = Math.round(window.performance.now() - xhr.helloMvcStarted);
    var length = xhr.getResponseHeader("Content-Length");
    var bytes = length !== null ? Number(length) : new Blob([xhr.responseText || ""]).size;
    var cells = [
      [say("method", "Method"), settings.type],
      ["URL", settings.url],
      [say("status", "Status"), xhr.status ? xhr.status + " " + xhr.statusText : say("no-answer", "no answer")],
      [say("content-type", "Content type"), xhr.getResponseHeader("Content-Type") || say("none", "none")],
      [say("bytes", "Bytes"), String(bytes)],
      ["ms", String(ms)]
    ];
    var $row = $("<tr>");
    $.each(cells, function (_, cell) {
      $row.append($("<td>", { "data-label": cell[0] }).text(cell[1]));
    });
    $log.append($row);
    $logEmpty.prop("hidden", true);
  });

  function describe(xhr) {
    return xhr.status ? xhr.status + " " + xhr.statusText : say("no-answer-from-server", "no answer from the server");
  }

  function errorMessage(text) {
    return $("<p>", { "class": "ajax-error", role: "alert" }).text(text);
  }
});
