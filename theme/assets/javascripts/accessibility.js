/* Accessibility fixes for mkdocs-material 9.8.1 that need a script. Loaded
   before the theme's bundle (theme/main.html). Every page works without it. */
(function () {
  "use strict";

  /* WCAG 2.1.4 Character Key Shortcuts: the theme moves focus to the search
     field on f, s and /, and changes page on p, n, "," and ".", from anywhere.
     A speech-input user saying a word would trigger them. Here they only
     work where they always did, in the search dialog and in form fields. */
  var SHORTCUTS = ["f", "s", "/", "p", "n", ",", "."];

  function isEditable(element) {
    if (!element) return false;
    var tag = element.tagName;
    return tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || element.isContentEditable;
  }

  function searchIsOpen() {
    var toggle = document.getElementById("__search");
    return Boolean(toggle && toggle.checked);
  }

  window.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (SHORTCUTS.indexOf(event.key) === -1) return;
    if (isEditable(event.target) || searchIsOpen()) return;
    event.stopImmediatePropagation();
  }, true);

  /* WCAG 2.1.1 Keyboard: a table wider than the screen scrolls inside its
     box; the box takes focus so that the arrow keys scroll it, and is named
     after the table's caption. Checked again when the window changes size. */
  var SCROLLERS = ".md-content .sp-scroll, .md-content .sp-results, .md-content .md-typeset__scrollwrap";

  function updateScrollers() {
    document.querySelectorAll(SCROLLERS).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        var caption = box.querySelector("caption");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
        box.setAttribute("data-sp-scroller", "");
      } else if (!scrolls && box.hasAttribute("data-sp-scroller")) {
        ["tabindex", "role", "aria-label", "data-sp-scroller"].forEach(function (name) {
          box.removeAttribute(name);
        });
      }
    });
  }

  /* WCAG 1.3.1 Info and Relationships: with content.code.copy on, the theme
     puts each code block's copy button in an unnamed <nav> landmark, one per
     block; a button is not navigation, so the landmark goes. */
  function unmarkCodeToolbars() {
    document.querySelectorAll("nav.md-code__nav").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  /* WCAG 2.1.1 Keyboard, 4.1.2 Name, Role, Value: below 76.25em the
     navigation is a drawer opened by an icon that is a <label>, which the
     keyboard cannot reach and screen readers do not announce as a button.
     A real button takes its place, named like the navigation it opens;
     Escape closes the drawer again. Without JavaScript the label stays. */
  function drawerButton() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector(".md-header label[for='__drawer']");
    var nav = document.querySelector(".md-nav--primary");
    if (!toggle || !label || !nav) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " sp-drawer-button";
    button.setAttribute("aria-label", nav.getAttribute("aria-label") || "Navigation");
    button.innerHTML = label.innerHTML;
    function expanded() { button.setAttribute("aria-expanded", String(toggle.checked)); }
    button.addEventListener("click", function () { toggle.click(); });
    toggle.addEventListener("change", expanded);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        toggle.click();
        button.focus();
      }
    });
    expanded();
    label.parentNode.insertBefore(button, label);
    label.hidden = true;
  }

  var pending = false;
  window.addEventListener("resize", function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; updateScrollers(); });
  });
  document.addEventListener("DOMContentLoaded", drawerButton);
  window.addEventListener("load", function () {
    updateScrollers();
    unmarkCodeToolbars();
  });
})();
