/* The search in the header (theme/partials/search.html), over Pagefind's
   index of this page's language, which generator/search_index.py writes
   into pagefind/ at the language's root, in parts (pagefind/parts.json
   lists them): Pagefind's script comes from the first, which the others
   are merged into and searched with as one index. The script and the
   index load when the reader goes to the search, never with the page. Without
   JavaScript the header links to the agencies from A to Z instead.

   What a reader gets: the results as they type, each with the page's title
   (an agency's name), the passage that matches with the words marked, and
   links to the sections that hold them; the number of results said in a
   live region; filters (level of government, place) where the index has
   a few values to choose from; Tab, or the arrow keys, through the results
   in order; Enter goes to the first result; Escape closes the search and
   puts focus back where it was. */
(function () {
  "use strict";

  var SHOWN = 5;         // results loaded at a time (each is a request)
  var SECTIONS = 3;      // sections shown under each result, at most
  var FILTER_VALUES = 30; // a filter with more values would not help

  var dialog = document.querySelector("[data-sp-search]");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var input = dialog.querySelector("input[name=query]");
  var form = dialog.querySelector("form");
  var status = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var filterBox = dialog.querySelector(".sp-search-filters");
  var words = dialog.dataset;
  /* The theme's own words for the results, in the page's configuration. */
  var config = document.getElementById("__config");
  var theme = config ? JSON.parse(config.textContent).translations : {};
  words = {
    root: words.root, loading: words.loading, more: words.more, all: words.all,
    none: theme["search.result.none"], one: theme["search.result.one"],
    other: theme["search.result.other"], placeholder: theme["search.result.placeholder"]
  };
  var root = new URL(words.root, document.baseURI);

  var loading = null;    // the promise of Pagefind, once asked for
  var chosen = {};       // filter name: value
  var results = [];      // of the latest search
  var shown = 0;
  var ticket = 0;        // the latest search; an older one's results are dropped
  var opener = null;     // where focus was before the search opened

  function pagefind() {
    if (!loading) {
      var bundle = new URL("pagefind/", root);
      var options = { baseUrl: root.pathname };
      loading = fetch(new URL("parts.json", bundle).href).then(function (response) {
        if (!response.ok) throw new Error("no search index");
        return response.json();
      }).then(function (listing) {
        var parts = listing.parts.map(function (part) { return new URL(part, bundle); });
        if (!parts.length) throw new Error("no searchable page");
        return import(new URL("pagefind.js", parts[0]).href).then(function (module) {
          return module.options(options).then(function () {
            module.init();
            return Promise.all(parts.slice(1).map(function (part) {
              return module.mergeIndex(part.pathname, options);
            }));
          }).then(function () { return module; });
        });
      });
      loading.then(showFilters, unavailable);
    }
    return loading;
  }

  /* The index could not be loaded (a page opened from the disk, a lost
     connection): the list of agencies from A to Z, as without JavaScript. */
  function unavailable() {
    var fallback = document.querySelector(".sp-search-fallback");
    loading = null;
    list.textContent = "";
    if (!fallback) return;
    var item = document.createElement("li");
    var link = fallback.cloneNode(true);
    item.className = "md-search-result__item";
    link.className = "md-search-result__link sp-search-unavailable";
    item.appendChild(link);
    list.appendChild(item);
    say(fallback.textContent);
  }

  function say(text) {
    status.textContent = text;
  }

  function count(number) {
    if (number === 0) return words.none;
    if (number === 1) return words.one;
    return words.other.replace("#", number.toLocaleString(document.documentElement.lang));
  }

  /* Filters: a choice for each filter of the index that has from two to
     FILTER_VALUES values (the level of government; the place while the
     site serves few places). */
  function showFilters(module) {
    module.filters().then(function (filters) {
      filterBox.textContent = "";
      Object.keys(filters).sort().forEach(function (name) {
        var values = Object.keys(filters[name]).sort();
        if (values.length < 2 || values.length > FILTER_VALUES) return;
        var label = document.createElement("label");
        var select = document.createElement("select");
        label.className = "sp-search-filter";
        label.appendChild(document.createTextNode(name + " "));
        select.appendChild(new Option(words.all, ""));
        values.forEach(function (value) { select.appendChild(new Option(value, value)); });
        select.addEventListener("change", function () {
          if (select.value) chosen[name] = select.value; else delete chosen[name];
          search();
        });
        label.appendChild(select);
        filterBox.appendChild(label);
      });
    });
  }

  function search() {
    var query = input.value.trim();
    var mine = ++ticket;
    var filtered = Object.keys(chosen).length > 0;
    if (!query && !filtered) {
      results = [];
      list.textContent = "";
      say(words.placeholder);
      return;
    }
    if (!loading) say(words.loading);
    pagefind().then(function (module) {
      return module.debouncedSearch(query || null, { filters: chosen }, 200);
    }).then(function (found) {
      if (!found || mine !== ticket) return;
      results = found.results;
      shown = 0;
      list.textContent = "";
      showMore(mine, false).then(function () {
        if (mine === ticket) say(count(results.length));
      });
    }, function () { /* said by unavailable() */ });
  }

  /* The next SHOWN results: their data is fetched only now. */
  function showMore(mine, focusFirst) {
    var next = results.slice(shown, shown + SHOWN);
    shown += next.length;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (mine !== ticket) return;
      var more = list.querySelector(".sp-search-more");
      if (more) more.parentNode.removeChild(more);
      var first = null;
      pages.forEach(function (page) {
        var item = resultItem(page);
        first = first || item.querySelector("a");
        list.appendChild(item);
      });
      if (shown < results.length) list.appendChild(moreButton(mine));
      if (focusFirst && first) first.focus();
    });
  }

  function moreButton(mine) {
    var item = document.createElement("li");
    var button = document.createElement("button");
    item.className = "md-search-result__item sp-search-more";
    button.type = "button";
    button.className = "sp-search-more__button";
    button.textContent = words.more;
    button.addEventListener("click", function () { showMore(mine, true); });
    item.appendChild(button);
    return item;
  }

  /* One page found: a link to it, or to the section that holds the words,
     with the page's title and the marked passage; then the other sections
     that hold them. Pagefind escapes the passage (`excerpt`) before it
     marks the words; the titles are set as text. */
  function resultItem(page) {
    var item = document.createElement("li");
    var sections = (page.sub_results || []).slice(0, SECTIONS);
    var title = (page.meta && page.meta.title) || page.url;
    item.className = "md-search-result__item";
    if (!sections.length) sections = [{ url: page.url, excerpt: page.excerpt }];
    sections.forEach(function (section, index) {
      var link = document.createElement("a");
      var article = document.createElement("article");
      var excerpt = document.createElement("p");
      link.className = "md-search-result__link";
      link.href = section.url;
      article.className = "md-search-result__article md-typeset";
      if (index === 0) article.appendChild(line("sp-search-title", title));
      if (section.anchor && section.title && section.title !== title) {
        article.appendChild(line("sp-search-section", section.title));
      }
      excerpt.innerHTML = section.excerpt || "";
      article.appendChild(excerpt);
      link.appendChild(article);
      item.appendChild(link);
    });
    return item;
  }

  function line(className, text) {
    var element = document.createElement("p");
    element.className = className;
    element.textContent = text;
    return element;
  }

  /* Opening and closing: the theme's toggle (#__search) shows the dialog. */
  function open(from) {
    if (!toggle.checked) {
      opener = from && from !== document.body ? from : null;
      toggle.checked = true;
    }
    pagefind();
  }

  function close(restore) {
    if (!toggle.checked) return;
    toggle.checked = false;
    var back = opener;
    opener = null;
    if (!restore) return;
    if (back && back.isConnected && back.getClientRects().length) back.focus();
    else if (document.activeElement && dialog.contains(document.activeElement)) {
      document.activeElement.blur();
    }
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a, button"));
  }

  /* WCAG 2.1.1 Keyboard, 4.1.2: the theme opens the search on a phone with a
     <label>, which the keyboard cannot reach; a real button takes its place. */
  function searchButton() {
    var label = document.querySelector(".md-header label.md-header__button[for=__search]");
    if (!label) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon sp-search-button";
    button.setAttribute("aria-label", dialog.getAttribute("aria-label"));
    button.setAttribute("aria-haspopup", "dialog");
    button.innerHTML = label.innerHTML;
    button.addEventListener("click", function () {
      open(button);
      input.focus();
    });
    label.parentNode.insertBefore(button, label);
    label.hidden = true;
  }

  input.addEventListener("focus", function (event) { open(event.relatedTarget); });
  input.addEventListener("input", search);
  form.addEventListener("reset", function () {
    setTimeout(function () { search(); input.focus(); });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  /* The theme's own controls (the back arrow, the overlay) uncheck it. */
  toggle.addEventListener("change", function () {
    if (!toggle.checked) {
      toggle.checked = true;
      close(true);
    }
  });
  dialog.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus(); else all[at - 1].focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      event.preventDefault();
      close(true);
    }
  });
  /* Focus that leaves the search (Tab past the last result) closes it, so
     that it never hides what has focus. */
  dialog.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (next && !dialog.contains(next) && !next.classList.contains("sp-search-button")) {
      close(false);
    }
  });
  searchButton();
})();
