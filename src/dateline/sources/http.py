"""URLs -> RawDocument: polite, bounded HTTP fetching that refuses private addresses.

The address check happens where the socket is opened (a network backend under httpx), on the very
addresses the connection uses: a DNS name that resolves to a private address, a redirect to one, and
a DNS answer that changes between check and connect (rebinding) are all refused the same way.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import typing
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from httpcore._backends.sync import SyncBackend

from dateline.errors import DocumentError
from dateline.record import RawDocument

USER_AGENT = "dateline/0.1 (news archiving; +https://github.com/dateline-news/dateline)"


class BlockedAddress(httpcore.ConnectError):
    """The host resolves to an address the policy refuses (private, loopback, link-local, ...)."""


@dataclass(frozen=True)
class FetchPolicy:
    allow_private: bool = False  # operators of an intranet archive turn this on knowingly
    allowed_hosts: frozenset[str] = frozenset()  # "host:port" exempt from the address check
    timeout: float = 20.0
    max_bytes: int = 16 * 1024 * 1024
    retries: int = 2
    backoff: float = 1.0  # seconds, doubled on each retry
    host_delay: float = 1.0  # seconds between two requests to one host
    max_redirects: int = 5
    respect_robots: bool = True
    user_agent: str = USER_AGENT


def address_allowed(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class GuardedBackend(SyncBackend):
    """Resolves the host itself and connects only to addresses the policy allows."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as error:
            raise httpcore.ConnectError(f"cannot resolve {host}: {error.strerror}") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        exempt = self.policy.allow_private or f"{host}:{port}" in self.policy.allowed_hosts
        if not exempt:
            refused = [a for a in addresses if not address_allowed(a)]
            if refused:
                raise BlockedAddress(
                    f"{host} resolves to a private or local address ({refused[0]}); "
                    "refused (allow it with --allow-private or DATELINE_ALLOW_PRIVATE=1)"
                )
        last_error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last_error = error
        raise last_error or httpcore.ConnectError(f"no address for {host}")


@dataclass
class Fetcher:
    """Fetch URLs one by one: timeouts, retries with backoff, per-host delay, robots.txt, size limit."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    _client: httpx.Client = field(init=False, repr=False)
    _last_request: dict[str, float] = field(default_factory=dict, init=False, repr=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        transport = httpx.HTTPTransport(retries=0)
        # httpx offers no public way to choose the network backend; the pool creates every
        # connection through this attribute, which is what makes the address check unavoidable.
        transport._pool._network_backend = GuardedBackend(self.policy)
        self._client = httpx.Client(
            transport=transport,
            timeout=self.policy.timeout,
            follow_redirects=False,  # each hop is followed by hand, to count and to check it
            headers={"User-Agent": self.policy.user_agent},
            trust_env=False,  # a proxy would connect on our behalf, past the address check
        )

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> RawDocument:
        """The document at ``url`` (after redirects), or DocumentError naming the URL and the reason."""
        return self.fetch_with_headers(url, headers)[0]

    def fetch_with_headers(self, url: str, headers: dict[str, str] | None = None) -> tuple[RawDocument, httpx.Headers]:
        """Like fetch, with the final response's headers (ETag, Last-Modified for the next conditional request).

        Raises NotModified when a conditional request finds the document unchanged."""
        try:
            return self._fetch_with_headers(url, headers)
        except (ValueError, httpx.InvalidURL) as error:  # a malformed host, port or character (found by fuzzing)
            raise DocumentError(url, f"not a valid URL ({error})") from None

    def _fetch_with_headers(self, url: str, headers: dict[str, str] | None) -> tuple[RawDocument, httpx.Headers]:
        if urlsplit(url).scheme not in ("http", "https"):
            raise DocumentError(url, "only http and https URLs can be fetched")
        if self.policy.respect_robots and not self._robots_allow(url):
            raise DocumentError(url, "disallowed by the site's robots.txt")
        current = url
        for _ in range(self.policy.max_redirects + 1):
            response, content = self._get(url, current, headers)
            if response.is_redirect and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                if urlsplit(current).scheme not in ("http", "https"):
                    raise DocumentError(url, f"redirects to a non-HTTP URL ({current})")
                continue
            if response.status_code == 304:
                raise NotModified(url)
            if response.status_code >= 400:
                raise DocumentError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
            document = RawDocument(
                origin=url,
                content=content,
                content_type=response.headers.get("content-type", "").split(";")[0].strip() or None,
                url=current,
            )
            return document, response.headers
        raise DocumentError(url, f"more than {self.policy.max_redirects} redirects")

    def _get(self, origin: str, url: str, headers: dict[str, str] | None) -> tuple[httpx.Response, bytes]:
        attempt = 0
        while True:
            self._wait_for_host(url)
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    content = self._read_bounded(origin, response)
                if response.status_code in (429, 502, 503, 504) and attempt < self.policy.retries:
                    raise httpx.TransportError(f"HTTP {response.status_code}")
                return response, content
            except httpx.ConnectError as error:
                if isinstance(error.__context__, BlockedAddress):
                    raise DocumentError(origin, str(error.__context__)) from None
                if attempt >= self.policy.retries:
                    raise DocumentError(origin, f"cannot connect: {error}") from None
            except httpx.TimeoutException:
                if attempt >= self.policy.retries:
                    raise DocumentError(origin, f"timed out after {self.policy.timeout:g} s") from None
            except httpx.TransportError as error:
                if attempt >= self.policy.retries:
                    raise DocumentError(origin, f"fetch failed: {error}") from None
            time.sleep(self.policy.backoff * 2**attempt)
            attempt += 1

    def _read_bounded(self, origin: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > self.policy.max_bytes:
            raise DocumentError(origin, f"response of {int(declared):,} bytes is over the size limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise DocumentError(origin, f"response is over the {self.policy.max_bytes:,}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            pause = self.policy.host_delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(root)
        robots = self._robots[root]
        return robots is None or robots.can_fetch(self.policy.user_agent, url)

    def _load_robots(self, root: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            response, content = self._get(root + "/robots.txt", root + "/robots.txt", None)
        except DocumentError:
            return None  # no readable robots.txt: nothing is disallowed
        if response.status_code >= 400:
            return None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(content.decode("utf-8", errors="replace").splitlines())
        return parser


class NotModified(DocumentError):
    """A conditional request found the document unchanged since the last fetch."""

    def __init__(self, url: str) -> None:
        super().__init__(url, "not modified since the last fetch")
