"""Golden answers: what the assistant says to every question of the bundled eval set, for each retriever at
the default k = 3, kept in `tests/golden_answers.json` so that "the answers did not change" is a test
(`tests/test_golden.py`), not a claim.

When a change is meant to alter answers, rewrite the file with `python -m tests.golden` (or `make golden`)
and read its diff: every changed quote, source and note is there, line by line.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from embeddings import Encoder
from eval.dataset import DEFAULT_SET
from qa import Assistant, Settings
from qa.settings import RETRIEVERS
from tests.conftest import CORPUS, open_built

GOLDEN = Path(__file__).parent / "golden_answers.json"
KS = (3,)
"""Sources per answer snapshotted: the default only, as each k costs the test another 240 answers."""


def questions() -> list[str]:
    """The bundled eval set's questions, in its order."""
    lines = DEFAULT_SET.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def current_answers(assistant: Assistant) -> dict[str, dict[str, str]]:
    """Each question's answer text under each retriever and k, keyed `"<retriever> k=<k>"`."""
    return {
        question: {
            f"{retriever} k={k}": assistant.ask(question, k, retriever).text for retriever in RETRIEVERS for k in KS
        }
        for question in questions()
    }


def changed_answers(assistant: Assistant) -> list[str]:
    """`question [retriever k=n]` for every answer that differs from the golden one, or has none."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    current = current_answers(assistant)
    return [
        f"{question} [{case}]"
        for question in sorted(golden.keys() | current.keys())
        for case in sorted(golden.get(question, {}).keys() | current.get(question, {}).keys())
        if golden.get(question, {}).get(case) != current.get(question, {}).get(case)
    ]


def main() -> None:
    """Rewrite the golden file from the assistant as the tests open it: the bundled corpus, a fresh index."""
    with tempfile.TemporaryDirectory(prefix="golden-index-") as index_dir:
        encoder = Encoder()
        assistant = open_built(Settings(corpus_dir=CORPUS, index_dir=Path(index_dir)), encoder)
        answers = current_answers(assistant)
    GOLDEN.write_text(json.dumps(answers, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(answers)} questions × {len(RETRIEVERS) * len(KS)} answers to {GOLDEN}")


if __name__ == "__main__":
    main()
