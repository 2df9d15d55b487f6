"""Fetch a web page the candidate names and keep its main text as a research source.

Plain Python (no Django), so it can be tested and reused on its own. Every failure is a
`FetchError` whose message is one line the user can read; the caller shows it next to a
"paste the text instead" box, because on an offline machine fetching often fails.

Safety: the URL comes from the user but the request runs on their machine, next to
services that trust localhost (the app itself, a router, a database). So only http and
https are allowed, URLs with credentials are refused, and the host is resolved and every
address it resolves to must be public (see `is_public_address`). Redirects are followed
by hand so each hop gets the same checks.

Known limit (DNS rebinding): the address check resolves the host, then httpx connects by
name and resolves it again. A hostile DNS server can answer with a public address to
the check and a private one to the connection. Closing that gap means connecting to the
checked IP while sending the original Host header and TLS server name, which httpx does
not offer without a custom transport. For a single-user local app the risk is accepted.

Other limits: the DNS lookup itself has no timeout of its own (the system resolver's
applies); proxy variables and .netrc are ignored (`trust_env=False`), so a machine that
only reaches the web through a proxy cannot fetch.
"""

from __future__ import annotations

import codecs
import contextlib
import ipaddress
import re
import socket
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from http import HTTPStatus

import httpx

from secondround.engine.nlp.sizes import describe_size

USER_AGENT = "SecondRound/0.1 (+local)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
ALLOWED_SCHEMES = frozenset({"http", "https"})
ALLOWED_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# Well-known NAT64 prefix (RFC 6052): 64:ff9b::a.b.c.d reaches IPv4 a.b.c.d.
_NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """str(error) is a one-line message for the user, e.g. 'The site answered 404 Not Found.'"""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # final URL after redirects
    title: str | None
    text: str  # main text, paragraphs separated by blank lines
    fetched_at: datetime  # aware UTC
    content_type: str  # media type without parameters, e.g. "text/html"


@dataclass(frozen=True)
class _Download:
    url: httpx.URL
    media_type: str
    charset: str | None
    body: bytes


# --------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------


def fetch_page(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 10.0,
    max_bytes: int = 3_000_000,
    max_redirects: int = 5,
    transport: httpx.BaseTransport | None = None,
) -> FetchedPage:
    """Download `url` and extract its main text; raise FetchError with a user message.

    `allow_private` skips the address check (tests against a loopback server, or a user
    who really means their intranet). `timeout` bounds connecting, each read, and the
    whole download of one response. `transport` lets tests plug in httpx.MockTransport.
    """
    target = _parse_url(url)
    _check_destination(target, allow_private=allow_private)
    with _make_client(timeout, transport) as client:
        redirects = 0
        while True:
            result = _request(client, target, timeout=timeout, max_bytes=max_bytes)
            if isinstance(result, _Download):
                return _to_page(result)
            redirects += 1
            if redirects > max_redirects:
                raise FetchError(f"The site redirected more than {max_redirects} times.")
            target = result
            _check_redirect(target, allow_private=allow_private)


def extract_text(html: str, *, url: str | None = None) -> tuple[str | None, str]:
    """(title, main text) from HTML; falls back to a simple tag-stripping extraction when
    trafilatura finds nothing. Paragraphs in the text are separated by blank lines."""
    # Imported here: trafilatura pulls in lxml, dateparser and friends, which the rest of
    # the app (and every management command) should not pay for at import time.
    import trafilatura

    text = trafilatura.extract(
        html, url=url, output_format="txt", include_comments=False, include_tables=True
    )
    if text and text.strip():
        metadata = trafilatura.extract_metadata(html, default_url=url)
        title = _clean_title(metadata.title if metadata is not None else None)
        return title or _FallbackExtractor.run(html)[0], _paragraphs(text)
    return _FallbackExtractor.run(html)


def is_public_address(address: str | IPAddress) -> bool:
    """True when `address` is a globally routable unicast address we may connect to.

    Refuses private, loopback, link-local, multicast, reserved, unspecified and shared
    (100.64/10) addresses, and looks inside IPv6 forms that carry an IPv4 address
    (IPv4-mapped, 6to4, NAT64, Teredo) so ::ffff:127.0.0.1 is not a way around the check.
    Anything that does not parse is refused.
    """
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            # ::ffff:a.b.c.d is the IPv4 host itself: judge that address alone.
            return is_public_address(ip.ipv4_mapped)
        embedded = _embedded_ipv4(ip)
        if embedded is not None and not is_public_address(embedded):
            return False
    refused = (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local)
    )
    return ip.is_global and not refused


# --------------------------------------------------------------------------------------
# URL and address checks
# --------------------------------------------------------------------------------------


def _parse_url(raw: str) -> httpx.URL:
    try:
        url = httpx.URL(raw.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError("That is not a valid web address.") from exc
    _validate_url(url)
    return url


def _validate_url(url: httpx.URL) -> None:
    if url.scheme not in ALLOWED_SCHEMES:
        raise FetchError("Only http and https addresses can be imported.")
    if url.userinfo:
        # Credentials in a URL end up in logs and in our stored source; refuse them.
        raise FetchError("Addresses with a user name or password cannot be imported.")
    if not url.host:
        raise FetchError("That is not a valid web address.")


def _check_destination(url: httpx.URL, *, allow_private: bool) -> None:
    if allow_private:
        return
    for address in _resolve(url):
        if not is_public_address(address):
            raise FetchError("That address is on a private network; paste the text instead.")


def _check_redirect(url: httpx.URL, *, allow_private: bool) -> None:
    # Same checks as the first hop, but say it was the site that sent us there.
    try:
        _validate_url(url)
        _check_destination(url, allow_private=allow_private)
    except FetchError as exc:
        raise FetchError(f"The site redirected to {_shorten(str(url))}. {exc}") from exc


def _resolve(url: httpx.URL) -> list[str]:
    """Every address the host resolves to; all must pass, since the connection may use any."""
    host = url.raw_host.decode("ascii")  # IDNA-encoded already, as the resolver wants it
    with contextlib.suppress(ValueError):
        return [str(ipaddress.ip_address(host))]  # a literal IP needs no lookup
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:  # socket.gaierror is an OSError
        raise FetchError(_unreachable(url)) from exc
    return [str(info[4][0]) for info in infos]


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64_PREFIX:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.teredo is not None:
        return ip.teredo[1]  # (server, client): the client is the host we would reach
    return None


# --------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------


def _make_client(timeout: float, transport: httpx.BaseTransport | None) -> httpx.Client:
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        # Redirects are followed by fetch_page so every hop is checked.
        follow_redirects=False,
        # No proxy variables and no .netrc: a user's stored credentials must never be
        # sent to an address typed into a research form.
        trust_env=False,
    )


def _request(
    client: httpx.Client, url: httpx.URL, *, timeout: float, max_bytes: int
) -> httpx.URL | _Download:
    """One GET: the next URL for a redirect, or the checked body."""
    with _translate_errors(url, timeout), client.stream("GET", url) as response:
        if response.is_redirect:
            return _redirect_target(response)
        _check_status(response)
        media_type = _check_content_type(response)
        _check_declared_length(response, max_bytes)
        deadline = time.monotonic() + timeout
        body = _read_limited(response, max_bytes=max_bytes, deadline=deadline, timeout=timeout)
        return _Download(response.url, media_type, response.charset_encoding, body)


@contextlib.contextmanager
def _translate_errors(url: httpx.URL, timeout: float) -> Iterator[None]:
    """Turn httpx exceptions into one-line messages; FetchError passes through."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise FetchError(_too_slow(timeout)) from exc
    except httpx.ConnectError as exc:
        if _caused_by_tls(exc):
            raise FetchError("The site's security certificate could not be verified.") from exc
        raise FetchError(_unreachable(url)) from exc
    except (httpx.RemoteProtocolError, httpx.DecodingError) as exc:
        raise FetchError("The site sent a broken answer; paste the text instead.") from exc
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise FetchError("That is not a valid web address.") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"The download failed ({type(exc).__name__}).") from exc


def _redirect_target(response: httpx.Response) -> httpx.URL:
    try:
        # Location may be relative; resolve it against the URL that answered.
        return response.url.join(response.headers["location"])
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError("The site redirected to an address that is not valid.") from exc


def _check_status(response: httpx.Response) -> None:
    if response.is_success:
        return
    try:
        phrase = HTTPStatus(response.status_code).phrase
    except ValueError:  # a non-standard code: use what the server said, if anything
        phrase = response.reason_phrase
    status = f"{response.status_code} {phrase}".strip()
    raise FetchError(f"The site answered {status}.")


def _check_content_type(response: httpx.Response) -> str:
    header: str = response.headers.get("content-type", "")
    media_type = header.split(";")[0].strip().lower()
    if media_type not in ALLOWED_CONTENT_TYPES:
        raise FetchError(f"This is not a web page ({media_type or 'no content type given'}).")
    return media_type


def _check_declared_length(response: httpx.Response, max_bytes: int) -> None:
    # Refuse up front when the server tells us; the streamed count below catches liars.
    # (With gzip the header counts compressed bytes, so this only ever refuses early.)
    declared: str = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(_too_large(max_bytes))


def _read_limited(
    response: httpx.Response, *, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    """The decoded body, stopping as soon as it passes max_bytes or the deadline.

    The read timeout applies per read, so a server dripping one byte a second would
    never trip it; the deadline bounds the whole body.
    """
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_too_large(max_bytes))
        if time.monotonic() > deadline:
            raise FetchError(_too_slow(timeout))
        chunks.append(chunk)
    return b"".join(chunks)


def _caused_by_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


# --------------------------------------------------------------------------------------
# Decoding and extraction
# --------------------------------------------------------------------------------------


def _to_page(download: _Download) -> FetchedPage:
    is_html = download.media_type in HTML_CONTENT_TYPES
    content = _decode(download.body, download.charset, sniff_meta=is_html)
    if is_html:
        title, text = extract_text(content, url=str(download.url))
    else:
        title, text = None, _paragraphs(content)
    if not text.strip():
        raise FetchError("No readable text found on that page; paste the text instead.")
    return FetchedPage(
        url=str(download.url),
        title=title,
        text=text,
        fetched_at=datetime.now(UTC),
        content_type=download.media_type,
    )


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def _decode(body: bytes, declared: str | None, *, sniff_meta: bool) -> str:
    """Decode with the header's charset, else a <meta> charset, else UTF-8 with replacement."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    candidates = [declared]
    if sniff_meta:
        match = _META_CHARSET.search(body[:4096])
        candidates.append(match.group(1).decode("ascii") if match else None)
    for charset in candidates:
        if charset and _is_known_codec(charset):
            # errors="replace": a wrong declaration should cost a few characters, not the page.
            return body.decode(charset, errors="replace")
    return body.decode("utf-8", errors="replace")


def _is_known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _paragraphs(text: str) -> str:
    """One paragraph per non-empty line, separated by blank lines; list items stay together.

    trafilatura puts each block on its own line; the app stores blank-line paragraphs.
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    blocks: list[str] = []
    previous_was_item = False
    for line in lines:
        if not line:
            previous_was_item = False
            continue
        is_item = line.startswith("- ")
        if is_item and previous_was_item:
            blocks[-1] += "\n" + line
        else:
            blocks.append(line)
        previous_was_item = is_item
    return "\n\n".join(blocks)


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    cleaned = " ".join(title.split())
    return cleaned or None


class _FallbackExtractor(HTMLParser):
    """Tag stripping for pages trafilatura gives up on (very short pages, odd markup).

    Drops scripts, styles and the usual boilerplate containers, and starts a new
    paragraph at block-level tags.
    """

    SKIPPED = frozenset(
        {"script", "style", "noscript", "template", "svg", "nav", "header", "footer",
         "aside", "form", "head", "iframe", "object"}
    )  # fmt: skip
    BLOCKS = frozenset(
        {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
         "section", "article", "main", "blockquote", "pre", "table", "dd", "dt", "hr"}
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._skip_depth = 0
        self._in_title = False
        self._title: list[str] = []
        self._blocks: list[list[str]] = [[]]

    @classmethod
    def run(cls, html: str) -> tuple[str | None, str]:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser._result()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self.SKIPPED:
            self._skip_depth += 1
        elif tag in self.BLOCKS:
            self._blocks.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in self.BLOCKS:
            self._blocks.append([])

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skip_depth:
            self._blocks[-1].append(data)

    def _result(self) -> tuple[str | None, str]:
        paragraphs = (" ".join("".join(parts).split()) for parts in self._blocks)
        text = "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
        return _clean_title("".join(self._title)), text


# --------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------


def _unreachable(url: httpx.URL) -> str:
    return f"Could not reach {url.host} (no network?). Paste the text instead."


def _too_slow(timeout: float) -> str:
    unit = "second" if timeout == 1 else "seconds"
    return f"The site did not answer within {timeout:g} {unit}."


def _too_large(max_bytes: int) -> str:
    return f"The page is larger than {describe_size(max_bytes)}."


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
