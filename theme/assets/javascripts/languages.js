/* The site in several languages (see generator/render/languages.py). Loaded
   before the theme's bundle (theme/main.html). Every page works without it.

   Requests and page weight: mkdocs-material fetches the sitemap.xml beside
   the address of every <link rel="alternate"> of a page, for a language
   selector of its own that this site does not use (each page has its own
   switcher, which leads straight to the same page in the other language).
   The head names each page's versions in every language with such links
   (hreflang, for search engines), so every page view would fetch two or three
   sitemaps, most of them missing. Those requests are not sent. */
(function () {
  "use strict";

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  function besideAnAlternate(url) {
    var links = document.querySelectorAll("link[rel=alternate][hreflang]");
    for (var i = 0; i < links.length; i++) {
      if (new URL("sitemap.xml", links[i].href).href === url) return true;
    }
    return false;
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.__spAlternateSitemap = besideAnAlternate(new URL(String(url), location.href).href);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.__spAlternateSitemap) return undefined;
    return send.apply(this, arguments);
  };
})();
