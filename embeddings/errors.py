"""The root of the project's errors, kept at the bottom of the house so that every package can raise under it.

`embeddings` is the lowest layer: `qa` imports it, and it imports nothing of the project's. Its own errors
(an index that cannot be loaded, a model folder that holds no model) must be under the same root as `qa`'s,
so the root lives here rather than in `qa/errors.py`, which re-exports it: no arrow runs back up from
`embeddings` to `qa`.
"""


class QAError(Exception):
    """Base of every error a user can act on; the message says what is wrong and what to do."""


class ModelUnavailable(QAError):
    """The model folder holds no sentence-transformers model that loads; the message names the folder."""
