// Never lose typed words.
// - Leaving a page whose form has changes that were not sent asks first. A form the
//   server sent back unsaved (a sort, a failed check) counts as changed.
// - Sending one form of a page that has several keeps what was typed in the others: it
//   is held in this tab's sessionStorage and put back when the page is shown again.
// Forms opt out with data-no-guard; log-in forms and forms without text fields are ignored.
(function () {
  "use strict";
  var DRAFTS_KEY = "secondround-drafts";
  var DRAFT_HOURS = 12;
  var snapshots = new WeakMap();
  var submitting = false;

  function guarded(form) {
    if (form.hasAttribute("data-no-guard") || (form.method || "").toLowerCase() !== "post" ||
        form.querySelector("input[type=password]")) {
      return false;
    }
    return form.querySelector("textarea, input[type=text], input:not([type]), input[type=date], " +
      "input[type=datetime-local], input[type=time], input[type=email], input[type=url], " +
      "input[type=number], select") !== null;
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && ["hidden", "submit", "button", "file", "reset"].indexOf(el.type) < 0;
    });
  }

  function valueOf(el) {
    return el.type === "checkbox" || el.type === "radio" ? String(el.checked) : el.value;
  }

  function state(form) {
    return fields(form).map(function (el) { return el.name + "=" + valueOf(el); }).join("\u0000");
  }

  function sentBackUnsaved(form) {
    return form.hasAttribute("data-unsaved") ||
      form.querySelector(".has-error, .errors, [aria-invalid=true]") !== null;
  }

  function remember(root) {
    var forms = root.querySelectorAll ? root.querySelectorAll("form") : [];
    Array.prototype.forEach.call(forms, function (form) {
      // htmx:load also fires for the whole page: forms already known keep their snapshot.
      if (guarded(form) && !snapshots.has(form)) {
        snapshots.set(form, sentBackUnsaved(form) ? null : state(form));
      }
    });
  }

  function isChanged(form) {
    if (!snapshots.has(form)) return false;
    var before = snapshots.get(form);
    return before === null || before !== state(form);
  }

  function anyChanged() {
    return Array.prototype.some.call(document.querySelectorAll("form"), isChanged);
  }

  // A form is known by where it posts, and its place among the forms posting there, so
  // that rows added or removed elsewhere on the page do not mix the drafts up.
  function formKey(form) {
    var action = form.getAttribute("action") || "";
    var same = Array.prototype.filter.call(document.querySelectorAll("form"), function (other) {
      return (other.getAttribute("action") || "") === action;
    });
    return action + "#" + same.indexOf(form);
  }

  function readDrafts() {
    try {
      var all = JSON.parse(sessionStorage.getItem(DRAFTS_KEY) || "{}");
      var now = Date.now();
      Object.keys(all).forEach(function (page) {
        if (now - all[page].at > DRAFT_HOURS * 3600 * 1000) delete all[page];
      });
      return all;
    } catch (error) {
      return {};
    }
  }

  function writeDrafts(all) {
    try { sessionStorage.setItem(DRAFTS_KEY, JSON.stringify(all)); } catch (error) { /* full */ }
  }

  // Before one form is sent, keep the others' unsent words for this page.
  function keepOthers(sent) {
    var page = {};
    var forms = document.querySelectorAll("form");
    Array.prototype.forEach.call(forms, function (form) {
      if (form === sent || !isChanged(form)) return;
      var values = {};
      fields(form).forEach(function (el) { values[el.name] = valueOf(el); });
      page[formKey(form)] = values;
    });
    if (!Object.keys(page).length) return;
    var all = readDrafts();
    all[location.pathname] = { at: Date.now(), forms: page };
    writeDrafts(all);
  }

  function restore() {
    var all = readDrafts();
    var kept = all[location.pathname];
    if (!kept) return;
    var forms = document.querySelectorAll("form");
    Array.prototype.forEach.call(forms, function (form) {
      var values = kept.forms[formKey(form)];
      if (!values) return;
      var restored = false;
      fields(form).forEach(function (el) {
        if (!(el.name in values) || valueOf(el) === values[el.name]) return;
        if (el.type === "checkbox" || el.type === "radio") {
          el.checked = values[el.name] === "true";
        } else {
          el.value = values[el.name];
        }
        restored = true;
      });
      if (restored) {
        snapshots.set(form, null);
        var note = document.createElement("p");
        note.className = "message info draft-restored";
        note.setAttribute("role", "status");
        note.textContent = "What you typed here before sending another section is back: " +
          "it is not saved yet.";
        form.insertBefore(note, form.firstChild);
      }
    });
    delete all[location.pathname];
    writeDrafts(all);
  }

  window.secondroundHasUnsaved = anyChanged;
  document.addEventListener("DOMContentLoaded", function () { remember(document); restore(); });
  document.addEventListener("htmx:load", function (event) { remember(event.target); });
  document.addEventListener("submit", function (event) {
    submitting = true;
    keepOthers(event.target);
    // Another script may refuse this submit (a paste over the limit): then the page stays.
    setTimeout(function () { if (event.defaultPrevented) submitting = false; }, 0);
  }, true);
  // An HTMX submit stays on the page: the form it swaps in is remembered afresh.
  document.addEventListener("htmx:afterRequest", function () { submitting = false; });
  window.addEventListener("pageshow", function () { submitting = false; });
  window.addEventListener("beforeunload", function (event) {
    if (submitting || !anyChanged()) return;
    event.preventDefault();
    event.returnValue = "";
  });
})();
