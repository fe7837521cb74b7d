/* framing comparison page: link figures to sentences, toggle highlight layers (no network) */
(function () {
  "use strict";
  var current = [];
  function clear() {
    for (var i = 0; i < current.length; i++) { current[i].classList.remove("hl"); }
    current = [];
  }
  function show(ids) {
    clear();
    for (var i = 0; i < ids.length; i++) {
      var el = document.getElementById(ids[i]);
      if (el) { el.classList.add("hl"); current.push(el); }
    }
    if (current.length) { current[0].scrollIntoView({ behavior: "smooth", block: "center" }); }
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target && ev.target.closest ? ev.target.closest("[data-refs]") : null;
    if (!t) { return; }
    var refs = (t.getAttribute("data-refs") || "").split(/\s+/).filter(function (x) { return x.length > 0; });
    if (!refs.length) { return; }
    ev.preventDefault();
    show(refs);
  });
  var boxes = document.querySelectorAll("input[data-layer]");
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].addEventListener("change", function (ev) {
      document.body.classList.toggle("hide-" + ev.target.getAttribute("data-layer"), !ev.target.checked);
    });
  }
  document.documentElement.setAttribute("data-ready", "1");
})();
