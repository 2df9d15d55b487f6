"""fetch_page against a real HTTP server on loopback, plus the address and URL checks.

Nothing here touches the internet: the server runs on 127.0.0.1 in a thread, and the
only name lookup is for a reserved .invalid name.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from datetime import UTC
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from secondround.research.fetch import (
    USER_AGENT,
    FetchedPage,
    FetchError,
    extract_text,
    fetch_page,
    is_public_address,
)

ARTICLE_PARAGRAPHS = (
    "Acme Rockets was founded in 1949 by two engineers who believed that reliable "
    "launch hardware should be affordable for every coyote in the desert.",
    "Today the company employs 120 people in Lyon and Montreal, and ships a new "
    "model every quarter. Its culture values curiosity, kindness and clear writing.",
    "In 2024 Acme opened a research lab dedicated to safety, after a series of "
    "widely reported incidents involving anvils, cliffs and a very fast bird.",
)

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>About Acme Rockets</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/shop">Shop our catalogue</a></li>
<li><a href="/login">Sign in to your account</a></li></ul></nav>
<header><p>Free shipping on all orders over 50 dollars</p></header>
<main><article>
<h1>About Acme Rockets</h1>
<p>{ARTICLE_PARAGRAPHS[0]}</p>
<p>{ARTICLE_PARAGRAPHS[1]}</p>
<p>{ARTICLE_PARAGRAPHS[2]}</p>
</article></main>
<footer><p>Copyright 2024 Acme Rockets. Privacy policy. Cookie settings.</p></footer>
</body></html>
"""

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
    b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\x00\x01\x00\x00\x05\x00\x01\r\n"
    b"-\xb4\x00\x00\x00\x00IEND\xaeB`\x82"
)

PLAIN_TEXT = "Acme press release\n\nAcme announces a new rocket.\nIt is very fast.\n"

SMALL_LIMIT = 2 * 1024  # bytes, for the oversized pages
SLOW_SECONDS = 2.0
SHORT_TIMEOUT = 0.5


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # so the chunked endpoint is real chunked encoding
    seen_user_agents: list[str] = []

    def do_GET(self) -> None:
        self.seen_user_agents.append(self.headers.get("User-Agent", ""))
        route = ROUTES.get(self.path)
        if route is None:
            self._send(404, "text/html", b"<h1>Not here</h1>")
        else:
            route(self)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    def _send(
        self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def article(self) -> None:
        self._send(200, "text/html; charset=utf-8", ARTICLE_HTML.encode())

    def redirect(self) -> None:
        self._send(302, "text/html", b"", {"Location": "/article"})

    def redirect_loop(self) -> None:
        self._send(302, "text/html", b"", {"Location": "/redirect-loop"})

    def redirect_ftp(self) -> None:
        self._send(302, "text/html", b"", {"Location": "ftp://files.example.com/acme.html"})

    def image(self) -> None:
        self._send(200, "image/png", PNG_BYTES)

    def big(self) -> None:
        self._send(200, "text/html", b"<p>" + b"a" * (SMALL_LIMIT * 5) + b"</p>")

    def big_chunked(self) -> None:
        # No Content-Length: only counting while streaming can catch this one. It would
        # send 50 MB, so a client that read it all would be slow enough to notice.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<p>" + b"b" * 1_000 + b"</p>\n"
        try:
            for _ in range(50_000):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up, as it should

    def slow(self) -> None:
        time.sleep(SLOW_SECONDS)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(200, "text/html", ARTICLE_HTML.encode())

    def drip(self) -> None:
        # Each byte comes before the read timeout, but the whole body takes too long.
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "20")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for _ in range(20):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(SHORT_TIMEOUT / 3)

    def plain(self) -> None:
        self._send(200, "text/plain; charset=utf-8", PLAIN_TEXT.encode())

    def latin1(self) -> None:
        body = "<p>Le café de la gare</p>".encode("latin-1")
        self._send(200, "text/html; charset=iso-8859-1", body)

    def meta_charset(self) -> None:
        body = '<meta charset="windows-1252"><p>Crème brûlée</p>'.encode("cp1252")
        self._send(200, "text/html", body)

    def empty(self) -> None:
        self._send(200, "text/html", b"<html><head><script>var x = 1;</script></head></html>")

    def no_content_type(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "5")
        self.end_headers()
        self.wfile.write(b"hello")


ROUTES = {
    "/article": _Handler.article,
    "/redirect": _Handler.redirect,
    "/redirect-loop": _Handler.redirect_loop,
    "/redirect-ftp": _Handler.redirect_ftp,
    "/image.png": _Handler.image,
    "/big": _Handler.big,
    "/big-chunked": _Handler.big_chunked,
    "/slow": _Handler.slow,
    "/drip": _Handler.drip,
    "/plain": _Handler.plain,
    "/latin1": _Handler.latin1,
    "/meta-charset": _Handler.meta_charset,
    "/empty": _Handler.empty,
    "/no-content-type": _Handler.no_content_type,
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # don't wait for /slow handlers at teardown

    def handle_error(self, request: object, client_address: object) -> None:
        # The fetcher hangs up on purpose (too slow, too large); that is the test passing.
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def fetch_local(url: str, **kwargs: object) -> FetchedPage:
    return fetch_page(url, allow_private=True, **kwargs)  # type: ignore[arg-type]


def error_of(url: str, **kwargs: object) -> str:
    with pytest.raises(FetchError) as caught:
        fetch_local(url, **kwargs)
    return str(caught.value)


# --- the happy paths -------------------------------------------------------------------


def test_article_main_text_is_extracted_without_boilerplate(server: str) -> None:
    page = fetch_local(f"{server}/article")

    assert page.url == f"{server}/article"
    assert page.title == "About Acme Rockets"
    assert page.content_type == "text/html"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in page.text
    assert f"{ARTICLE_PARAGRAPHS[0]}\n\n{ARTICLE_PARAGRAPHS[1]}" in page.text
    for boilerplate in ("Shop our catalogue", "Sign in", "Free shipping", "Cookie settings"):
        assert boilerplate not in page.text
    assert page.fetched_at.tzinfo is UTC


def test_sends_the_product_user_agent(server: str) -> None:
    fetch_local(f"{server}/article")
    assert _Handler.seen_user_agents[-1] == USER_AGENT == "SecondRound/0.1 (+local)"


def test_redirect_is_followed_and_final_url_kept(server: str) -> None:
    page = fetch_local(f"{server}/redirect")
    assert page.url == f"{server}/article"
    assert ARTICLE_PARAGRAPHS[0] in page.text


def test_plain_text_page_is_kept_as_is(server: str) -> None:
    page = fetch_local(f"{server}/plain")
    assert page.content_type == "text/plain"
    assert page.title is None
    assert page.text == "Acme press release\n\nAcme announces a new rocket.\n\nIt is very fast."


def test_declared_charset_is_used(server: str) -> None:
    assert "Le café de la gare" in fetch_local(f"{server}/latin1").text


def test_meta_charset_is_used_when_the_header_has_none(server: str) -> None:
    assert "Crème brûlée" in fetch_local(f"{server}/meta-charset").text


# --- what the site sends back ----------------------------------------------------------


def test_redirect_to_another_scheme_is_refused(server: str) -> None:
    message = error_of(f"{server}/redirect-ftp")
    assert message == (
        "The site redirected to ftp://files.example.com/acme.html. "
        "Only http and https addresses can be imported."
    )


def test_redirect_to_a_private_address_is_refused_when_private_is_not_allowed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://10.0.0.1/admin"})

    with pytest.raises(FetchError, match="private network"):
        # 93.184.216.34 is a literal public IP, so no DNS lookup happens.
        fetch_page("http://93.184.216.34/", transport=httpx.MockTransport(handler))


def test_too_many_redirects(server: str) -> None:
    assert error_of(f"{server}/redirect-loop", max_redirects=3) == (
        "The site redirected more than 3 times."
    )


def test_http_error_status(server: str) -> None:
    assert error_of(f"{server}/missing") == "The site answered 404 Not Found."


def test_binary_file_is_not_a_web_page(server: str) -> None:
    assert error_of(f"{server}/image.png") == "This is not a web page (image/png)."


def test_missing_content_type_is_refused(server: str) -> None:
    assert error_of(f"{server}/no-content-type") == (
        "This is not a web page (no content type given)."
    )


def test_oversized_page_is_refused_from_content_length(server: str) -> None:
    assert error_of(f"{server}/big", max_bytes=SMALL_LIMIT) == "The page is larger than 2 KB."


def test_oversized_streamed_page_is_refused_while_reading(server: str) -> None:
    started = time.monotonic()
    message = error_of(f"{server}/big-chunked", max_bytes=SMALL_LIMIT)
    assert message == "The page is larger than 2 KB."
    assert time.monotonic() - started < 5  # it did not read the 50 MB


def test_streaming_stops_at_the_first_chunk_past_the_limit() -> None:
    served: list[int] = []

    def body() -> Iterator[bytes]:
        for number in range(1_000):
            served.append(number)
            yield b"x" * 1_000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=body())

    with pytest.raises(FetchError, match="larger than 3 KB"):
        fetch_page(
            "http://example.test/",
            allow_private=True,
            max_bytes=3 * 1024,
            transport=httpx.MockTransport(handler),
        )
    assert len(served) == 4


def test_slow_site_times_out(server: str) -> None:
    started = time.monotonic()
    message = error_of(f"{server}/slow", timeout=SHORT_TIMEOUT)
    assert message == "The site did not answer within 0.5 seconds."
    assert time.monotonic() - started < SLOW_SECONDS


def test_dripping_body_is_bounded_by_the_timeout(server: str) -> None:
    message = error_of(f"{server}/drip", timeout=SHORT_TIMEOUT)
    assert message == "The site did not answer within 0.5 seconds."


def test_page_without_text(server: str) -> None:
    assert error_of(f"{server}/empty") == (
        "No readable text found on that page; paste the text instead."
    )


def test_default_timeout_message_names_ten_seconds() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    with pytest.raises(FetchError) as caught:
        fetch_page(
            "http://example.test/", allow_private=True, transport=httpx.MockTransport(handler)
        )
    assert str(caught.value) == "The site did not answer within 10 seconds."


# --- addresses and URLs ----------------------------------------------------------------


def test_loopback_is_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_page(f"{server}/article")
    assert str(caught.value) == "That address is on a private network; paste the text instead."


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.1.1",
        "100.64.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "0.0.0.0",
        "::1",
        "::",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "fd00::1",
        "fe80::1",
        "fe80::1%eth0",
        "ff02::1",
        "2002:7f00:1::1",  # 6to4 wrapping 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 wrapping 10.0.0.1
        "not an address",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700::1", "::ffff:93.184.216.34"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(address)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://x", "Only http and https addresses can be imported."),
        ("file:///etc/passwd", "Only http and https addresses can be imported."),
        ("javascript:alert(1)", "Only http and https addresses can be imported."),
        ("example.com/about", "Only http and https addresses can be imported."),
        (
            "http://user:pw@host/",
            "Addresses with a user name or password cannot be imported.",
        ),
        ("http:///nohost", "That is not a valid web address."),
    ],
)
def test_bad_urls_are_refused_before_any_network(url: str, message: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request should be made")

    with pytest.raises(FetchError) as caught:
        fetch_page(url, transport=httpx.MockTransport(handler))
    assert str(caught.value) == message


@pytest.mark.parametrize("allow_private", [False, True])
def test_unresolvable_host(allow_private: bool) -> None:
    # .invalid never resolves (RFC 6761). Without allow_private our own lookup fails;
    # with it, httpx's connection does.
    with pytest.raises(FetchError) as caught:
        fetch_page("http://nonexistent.invalid/", allow_private=allow_private, timeout=5)
    assert str(caught.value) == (
        "Could not reach nonexistent.invalid (no network?). Paste the text instead."
    )


def test_literal_ip_private_check_needs_no_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> None:
        raise AssertionError("literal addresses are not looked up")

    monkeypatch.setattr("socket.getaddrinfo", no_dns)
    with pytest.raises(FetchError, match="private network"):
        fetch_page("http://[::ffff:192.168.0.1]/")


# --- extract_text on its own -----------------------------------------------------------


def test_extract_text_falls_back_to_tag_stripping(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura is generous on tiny pages, so make it find nothing to reach the fallback.
    monkeypatch.setattr("trafilatura.extract", lambda *args, **kwargs: None)
    html = (
        "<html><head><title> Tiny  page </title><style>p {color: red}</style></head>"
        "<body><nav>Menu</nav><div>Hello</div><p>World &amp; friends</p>"
        "<script>alert(1)</script></body></html>"
    )
    title, text = extract_text(html)
    assert title == "Tiny page"
    assert "Menu" not in text and "alert" not in text and "color" not in text
    assert text == "Hello\n\nWorld & friends"


def test_extract_text_of_bare_text_uses_the_fallback() -> None:
    assert extract_text("Just a sentence, no tags.") == (None, "Just a sentence, no tags.")


def test_extract_text_of_nothing() -> None:
    assert extract_text("") == (None, "")
