// Small enhancements every page shares. The Content-Security-Policy allows no inline
// script or on* attribute, so behaviour lives here, wired by data- attributes.
(function () {
  "use strict";

  // <button data-print>: print the page (the brief, the plan, the rehearsal list).
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) window.print();
  });

  // A text over the server's limit (data-max-chars, set on every textarea by
  // secondround.forms.TextLimitMixin) is refused here with the server's own message,
  // before megabytes are sent; what was typed stays in the field to be cut down.
  function serverLength(text) {
    // The server counts code points (an emoji is one, not two) and a line break as one.
    var pairs = (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) || []).length;
    return text.length - pairs;
  }

  function checkLimits(form) {
    var first = null;
    form.querySelectorAll("[data-max-chars]").forEach(function (field) {
      var limit = Number(field.getAttribute("data-max-chars"));
      var old = document.getElementById(field.id + "_limit");
      if (old) old.remove();
      var count = field.value.length <= limit ? 0 : serverLength(field.value);
      if (count <= limit) return;
      var message = document.createElement("p");
      message.id = field.id + "_limit";
      message.className = "error";
      message.setAttribute("role", "alert");
      message.textContent = "This text is " + count.toLocaleString("en") + " characters; the limit is " +
        limit.toLocaleString("en") + ". Keep the part you need.";
      field.insertAdjacentElement("afterend", message);
      if (!first) first = field;
    });
    if (first) first.focus();
    return first === null;
  }

  // Capture, on the document: this runs before htmx's own submit handler on the form.
  document.addEventListener("submit", function (event) {
    if (!checkLimits(event.target)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
})();

// A first round's time zone: the browser's own zone instead of the server's default,
// unless the person already typed one. The server still checks what is sent.
(function () {
  "use strict";
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (error) { return; }
  if (!zone) return;
  document.querySelectorAll("input[data-zone-from-browser]").forEach(function (field) {
    if (field.form && field.form.querySelector(".has-error")) return;  // a refused form keeps what was sent
    field.value = zone;
    var note = document.createElement("small");
    note.className = "help";
    note.textContent = "From your browser: change it if the interview is elsewhere.";
    field.insertAdjacentElement("afterend", note);
  });
})();

// Tables marked "stack" become stacked rows on a phone; each cell shows its column's name.
(function () {
  "use strict";
  document.querySelectorAll("table.stack").forEach(function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, index) {
        if (!cell.hasAttribute("data-label") && names[index]) cell.setAttribute("data-label", names[index]);
      });
    });
  });
})();
