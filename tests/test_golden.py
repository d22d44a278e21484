"""The answers to the bundled eval questions are the golden ones (`tests/golden.py` says how to renew them)."""

from __future__ import annotations

import pytest

from qa import Assistant
from tests.golden import changed_answers


@pytest.mark.slow  # 240 answers: seconds on a quiet machine, minutes on a busy one
def test_every_answer_to_the_eval_questions_is_the_golden_one(assistant: Assistant) -> None:
    assert changed_answers(assistant) == []
