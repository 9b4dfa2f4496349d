"""Open stores kept for reuse, so a web request does not pay for opening the archive.

Opening costs a PostgreSQL connection (~10 ms) or, for SQLite, a schema check and a cold page cache
per request. A request borrows one store for itself (stores are not shared between threads at once)
and gives it back when it ends. A store whose request failed with anything but an expected, harmless
error (a bad query, a 404) is closed, not reused: its connection may be in an unknown state.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from dateline.store.base import Store

#: idle stores kept open at most; busier moments open more and close the extras when they come back
DEFAULT_KEEP = 8


class StorePool:
    def __init__(
        self,
        open_one: Callable[[], Store],
        keep: int = DEFAULT_KEEP,
        harmless: tuple[type[BaseException], ...] = (),
    ) -> None:
        self._open_one = open_one
        self._keep = keep
        self._harmless = harmless
        self._idle: list[Store] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def borrowed(self) -> Iterator[Store]:
        store = self._take()
        try:
            yield store
        except self._harmless:
            self._give_back(store)
            raise
        except BaseException:
            store.close()
            raise
        self._give_back(store)

    @property
    def idle(self) -> int:
        with self._lock:
            return len(self._idle)

    def close(self) -> None:
        """Close every idle store; stores still borrowed are closed when they come back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()

    def _take(self) -> Store:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        # opened outside the lock: a slow connect must not hold up requests that find an idle store
        return self._open_one()

    def _give_back(self, store: Store) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self._keep:
                self._idle.append(store)
                return
        store.close()


__all__ = ["DEFAULT_KEEP", "StorePool"]
