"""Engine results kept for the next request, keyed by a digest of everything they read.

The question bank and the story matching are pure functions of what the user saved, and
most pages show the same round's bank again and again; recomputing them on every view was
the largest part of a page's CPU under load (issue 17's profile: 25 ms of a 70 ms
dashboard). The key is a digest of the pickled inputs, so a changed input is a new key and
there is nothing to invalidate; equal inputs that pickle differently (a set's order) only
miss. Each server process keeps its own, bounded: the least recently used goes first.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def input_digest(inputs: object) -> bytes:
    return hashlib.blake2b(pickle.dumps(inputs, protocol=5), digest_size=20).digest()


class ResultCache(Generic[T]):
    """`cache.get(inputs, compute)`: compute()'s result, computed once per distinct inputs.

    Store only what nobody mutates (tuples, frozen dataclasses): the same object is handed
    to every later request."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._results: OrderedDict[bytes, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, inputs: object, compute: Callable[[], T]) -> T:
        key = input_digest(inputs)
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        # Computed outside the lock: two threads may both compute a new key, once each.
        result = compute()
        with self._lock:
            self._results[key] = result
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._results.clear()

    def __len__(self) -> int:
        return len(self._results)
