(function () {
  "use strict";
  // cards reached by a link (triage, matrix, draft) open, even when folded
  function reveal() {
    var id = window.location.hash.replace(/^#/, "");
    if (!id || id.indexOf("=") >= 0) { return; }
    var target = document.getElementById(id);
    if (!target) { return; }
    var node = target;
    while (node) {
      if (node.tagName === "DETAILS") { node.open = true; }
      node = node.parentElement;
    }
    var own = target.querySelector("details");
    if (own) { own.open = true; }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  // printing shows everything, folded or not
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  // on a phone the filters fold away until asked for: the findings come first
  var box = document.getElementById("filter-box");
  if (box && window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) {
    box.open = false;
  }
  var boxes = form.querySelectorAll("input[type=checkbox]");
  var search = document.getElementById("search");
  var source = document.getElementById("source-filter");
  var names = ["verdict", "severity", "kind"];
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filterable]"));
  var texts = null;
  function wanted() {
    var on = {};
    boxes.forEach(function (box) {
      on[box.name] = on[box.name] || {};
      on[box.name][box.value] = box.checked;
    });
    return on;
  }
  function passes(el, on) {
    return names.every(function (name) {
      var value = el.getAttribute("data-" + name);
      return !on[name] || !(value in on[name]) || on[name][value];
    });
  }
  function apply() {
    var on = wanted();
    var query = search ? search.value.trim().toLowerCase() : "";
    var token = source ? source.value : "";
    if (query && texts === null) {
      texts = items.map(function (el) { return el.textContent.toLowerCase(); });
    }
    var shown = 0;
    items.forEach(function (el, i) {
      var ok = passes(el, on);
      if (ok && token) {
        ok = (" " + (el.getAttribute("data-sources") || "") + " ").indexOf(" " + token + " ") >= 0;
      }
      if (ok && query) { ok = texts[i].indexOf(query) >= 0; }
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.querySelectorAll("[data-filter-empty]").forEach(function (note) {
      var section = note.parentNode;
      var any = section.querySelector("[data-filterable]:not([hidden])");
      var some = section.querySelector("[data-filterable]");
      note.hidden = !some || Boolean(any);
    });
    document.querySelectorAll("[data-mark]").forEach(function (el) {
      el.classList.toggle("dim", !passes(el, on));
    });
    var out = document.getElementById("shown");
    if (out) { out.textContent = shown + " shown"; }
    document.body.setAttribute("data-shown", String(shown));
  }
  // a link may preset filters: #verdict=contradicted,unsupported&severity=error&q=toll
  var hash = window.location.hash.replace(/^#/, "");
  if (hash.indexOf("=") > 0) {
    hash.split("&").forEach(function (part) {
      var pair = part.split("=");
      var name = decodeURIComponent(pair[0]);
      var value = decodeURIComponent(pair[1] || "");
      if (name === "q" && search) { search.value = value; return; }
      if (name === "source" && source) { source.value = value; return; }
      if (names.indexOf(name) < 0) { return; }
      var keep = value.split(",");
      boxes.forEach(function (box) {
        if (box.name === name) { box.checked = keep.indexOf(box.value) >= 0; }
      });
    });
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  if (search) { search.addEventListener("input", apply); }
  var reset = document.getElementById("reset-filters");
  if (reset) {
    reset.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = true; });
      if (search) { search.value = ""; }
      if (source) { source.value = ""; }
      apply();
    });
  }
  apply();
}());
