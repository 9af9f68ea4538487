"""The built site served over HTTP, as GitHub Pages serves it: on 127.0.0.1
at a free port, under the path of its `site_url` (/service-plans/), with
404.html for any address it does not have. No compression: the page-weight
test gzips what it measures itself."""

from __future__ import annotations

import sys
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that leaves a page mid-download closes the connection;
        that is not an error of the site."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """Serve `root` at http://127.0.0.1:PORT{path} in a background thread;
    use it as a context manager."""

    def __init__(self, root: Path, path: str) -> None:
        self.root = root
        self.path = path if path.endswith("/") else path + "/"
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def netloc(self) -> str:
        return urlsplit(self.origin).netloc

    def url(self, page: str) -> str:
        """The address of `page`, given relative to the site (`agencies/`, `404.html`)."""
        return f"{self.origin}{self.path}{page}"

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _handler(self) -> type[SimpleHTTPRequestHandler]:
        root, prefix = self.root, self.path

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, directory=str(root), **kwargs)

            def translate_path(self, path: str) -> str:
                path = unquote(urlsplit(path).path)
                if not path.startswith(prefix):
                    return str(root / "-outside-the-site-")
                return super().translate_path("/" + path[len(prefix) :])

            def send_error(
                self, code: int, message: str | None = None, explain: str | None = None
            ) -> None:
                page = root / "404.html"
                if code != HTTPStatus.NOT_FOUND or not page.is_file():
                    super().send_error(code, message, explain)
                    return
                body = page.read_bytes()
                self.send_response(code)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the tests record requests in the browser."""

        return Handler
