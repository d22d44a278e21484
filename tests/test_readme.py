"""The README's examples and figures are what the code prints and what the scripts measured.

Where the README shortens a long string it writes `…`, which here stands for any text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import bench.readme
from bench.install_size import PROFILES, makefile_stamps, readme_table
from bench.readme import BLOCK_RE, FIGURES, RECORDS, made_by, stale
from qa import Assistant
from qa.indexing import load_corpus
from qa.passages import index_entries
from qa.schema import answer_out
from qa.settings import PROJECT_ROOT
from tests.conftest import CORPUS, G8

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
RESULTS = PROJECT_ROOT / "bench" / "results"


def block_after(marker: str, fence: str) -> str:
    """The fenced block of kind `fence` that comes first after `marker` in the README."""
    start = README.index(f"```{fence}\n", README.index(marker)) + len(fence) + 4
    return README[start : README.index("```", start)]


def shortened(readme: str, real: str) -> bool:
    """Whether the README's text is the real one, a `…` standing for whatever it left out.

    A space in the README also stands for a no-break space, which documents print and a README cannot show.
    """
    pattern = ".*?".join(re.escape(piece).replace(r"\ ", "[ \u00a0]") for piece in readme.split("…"))
    return re.fullmatch(pattern, real, re.DOTALL) is not None


def differences(readme: Any, real: Any, path: str = "") -> list[str]:
    """Where the README's JSON sample differs from the real answer's JSON: keys, lengths, values."""
    if isinstance(readme, dict) and isinstance(real, dict):
        if readme.keys() != real.keys():
            return [f"{path or '.'}: keys {sorted(readme)} in the README, {sorted(real)} in the answer"]
        return [d for key in readme for d in differences(readme[key], real[key], f"{path}.{key}")]
    if isinstance(readme, list) and isinstance(real, list):
        if len(readme) != len(real):
            return [f"{path}: {len(readme)} items in the README, {len(real)} in the answer"]
        return [d for i, (a, b) in enumerate(zip(readme, real, strict=True)) for d in differences(a, b, f"{path}[{i}]")]
    if isinstance(readme, str) and isinstance(real, str) and shortened(readme, real):
        return []
    return [] if readme == real else [f"{path}: {readme!r} in the README, {real!r} in the answer"]


def test_the_json_sample_is_the_answer_the_api_gives(assistant: Assistant) -> None:
    sample = json.loads(block_after("## Ask over HTTP", "json"))
    real = answer_out(assistant.ask(G8, 1)).model_dump(mode="json")
    assert differences(sample, real) == []


def test_the_cli_example_is_what_qa_ask_prints(assistant: Assistant) -> None:
    command, *printed = block_after("## The CLI", "text").splitlines()
    assert command == f'$ qa ask "{G8}" -k 1'
    assert shortened("\n".join(printed), assistant.ask(G8, 1).text.rstrip("\n"))


def test_the_bundled_corpus_counts_are_what_it_holds() -> None:
    articles, _ = load_corpus(CORPUS)
    counts = (
        f"{len(articles)} documents, {sum(len(a.paragraphs) for a in articles)} paragraphs, "
        f"{len(index_entries(articles))} passages"
    )
    stated = {" ".join(found.split()) for found in re.findall(r"bundled corpus \(([^)]*)\)", README)}
    assert stated == {counts}


def test_the_install_figures_are_the_measured_ones() -> None:
    assert readme_table(json.loads((RESULTS / "install.json").read_text(encoding="utf-8"))) in README


@pytest.mark.parametrize(
    ("venv", "target", "stamps"),
    [
        (venv, target.removeprefix("make "), {stamp for stamp, _ in steps[: place + 1]})
        for venv, steps in PROFILES
        for place, (_, targets) in enumerate(steps)
        for target in targets.split(", ")
    ],
)
def test_each_install_profile_installs_what_the_makefile_installs_for_its_targets(
    venv: str, target: str, stamps: set[str]
) -> None:
    assert makefile_stamps(target, (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")) == stamps


def test_the_measured_installs_are_of_the_current_profiles() -> None:
    """The install figures are of the installs `bench.install_size` makes now; else `make bench` must re-run it."""
    measured = json.loads((RESULTS / "install.json").read_text(encoding="utf-8"))["installs"]
    assert [(row["venv"], row["stamp"], row["for"]) for row in measured] == [
        (venv, stamp, targets) for venv, steps in PROFILES for stamp, targets in steps
    ]


def test_every_results_file_the_readme_names_exists() -> None:
    named = set(re.findall(r"bench/results/([\w-]+\.json)", README))
    assert {path.name for path in Path(RESULTS).glob("*.json")} >= named


def test_every_marked_figure_is_what_its_results_file_gives() -> None:
    assert {name for _, name, _, _ in BLOCK_RE.findall(README)} <= FIGURES.keys()
    assert stale(README) == []


def bench_target() -> tuple[set[str], list[str]]:
    """The `make bench` target's prerequisites and the modules its recipe runs, in order."""
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^bench:(.*)\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert rule is not None
    return set(rule[1].split()), re.findall(r"-m (\S+)", rule[2])


def test_make_bench_remakes_every_results_file_a_figure_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    read: set[str] = set()
    real = bench.readme.results

    def recorded(name: str) -> dict[str, Any]:
        read.add(name)
        return real(name)

    monkeypatch.setattr(bench.readme, "results", recorded)
    for make in FIGURES.values():
        make()
    prerequisites, modules = bench_target()
    remade = {name for name in read - RECORDS.keys() if made_by(name) in prerequisites | set(modules)}
    assert read - RECORDS.keys() - remade == set()


def test_make_bench_writes_the_readme_after_every_benchmark() -> None:
    _, modules = bench_target()
    assert modules[-1] == "bench.readme"
    assert modules.count("bench.readme") == 1


def test_the_readme_has_no_hand_written_timing_or_size_outside_the_marked_figures() -> None:
    """Times, sizes and ratios belong to a benchmark; outside the marked blocks only settings may give one.

    A measurement has decimals (`9.95 ms`, `1.26×`); a target or setting is a whole number (`5 ms`), and a
    weight in a formula stands apart from its sign (`0.2 × the share`). Fenced blocks outside the marked
    figures are sample output (the `qa index` summary), not measurements.
    """
    prose = re.sub(r"```.*?```", "", BLOCK_RE.sub("", README), flags=re.DOTALL)
    measured = re.findall(r"\d+\.\d+(?:\s?(?:ms|MB|GB|s)\b|×)", prose)
    assert measured == []


def test_the_readme_has_no_hand_written_metric_outside_the_marked_figures() -> None:
    """An evaluation figure (three decimals, `0.806`) comes from `qa eval`'s results; measurements that chose
    a rule in an earlier round are kept in docs/past-measurements.md, not quoted as current."""
    prose = re.sub(r"```.*?```", "", BLOCK_RE.sub("", README), flags=re.DOTALL)
    assert re.findall(r"(?<![\w.])\d\.\d{3}\b", prose) == []
