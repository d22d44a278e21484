"""A bounded memory of recent answers, so a question asked again costs a dictionary look-up."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from qa.compose import Answer


class AnswerCache:
    """Least-recently-used answers, at most `size` of them; size 0 remembers nothing."""

    def __init__(self, size: int) -> None:
        if size < 0:
            raise ValueError(f"cache size must be 0 or more, got {size}")
        self.size = size
        self._answers: OrderedDict[Hashable, Answer] = OrderedDict()
        # Requests are answered on several threads; the order of the entries must stay consistent.
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, key: Hashable) -> Answer | None:
        """The cached answer for `key`, now the most recently used, or None."""
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def get_or_compute(self, key: Hashable, compute: Callable[[], Answer]) -> tuple[Answer, bool]:
        """The cached answer for `key` and True, or a freshly computed (and remembered) one and False."""
        if (cached := self.get(key)) is not None:
            return cached, True
        answer = compute()  # outside the lock: answering takes milliseconds, look-ups must not wait for it
        if self.size:
            with self._lock:
                self._answers[key] = answer
                self._answers.move_to_end(key)
                while len(self._answers) > self.size:
                    self._answers.popitem(last=False)
        return answer, False
