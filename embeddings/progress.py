"""When `qa index`, `qa add` and `qa remove` show a progress bar: only for work long enough to need one.

A bar over three files parsed in 0.1 s (`files: 100%`) is noise between a command and its summary. Every bar
of this project is decided here: one of ours appears only once its work has run `BAR_AFTER_S`; the bar
sentence-transformers draws while embedding takes no delay, so it is shown only for `EMBED_BAR_FROM` texts
or more.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")

BAR_AFTER_S = 2.0
"""Seconds of work after which a bar appears; work that ends sooner shows none."""
EMBED_BAR_FROM = 256
"""Texts from which embedding shows sentence-transformers' bar: 256 take about 5 s at the 55 passages/s of
`bench/results/indexing.json`, while a handful (one added document) take well under `BAR_AFTER_S`."""


def progress_bar(iterable: Iterable[T], *, desc: str, unit: str, show: bool) -> Iterable[T]:
    """`iterable`, drawn as a bar on stderr when `show` and once it has taken `BAR_AFTER_S`."""
    return tqdm(iterable, desc=desc, unit=unit, disable=not show, delay=BAR_AFTER_S)


def shows_embedding_bar(texts: int, show: bool) -> bool:
    """Whether embedding `texts` texts draws sentence-transformers' bar, when the caller allows one (`show`)."""
    return show and texts >= EMBED_BAR_FROM
