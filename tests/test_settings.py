"""Every setting is documented where users look for it, read from where the user is, and refused in words."""

from pathlib import Path

import pytest

from cli.main import main
from qa.settings import PROJECT_ROOT, Settings


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    variables = [field.validation_alias or f"QA_{name.upper()}" for name, field in Settings.model_fields.items()]
    missing = [variable for variable in variables if variable not in readme]
    assert missing == []


def test_relative_folders_are_relative_to_where_the_command_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QA_INDEX_DIR", "reports.idx")
    monkeypatch.setenv("QA_CORPUS_DIR", "reports")
    settings = Settings()
    assert (settings.index_dir, settings.corpus_dir) == (tmp_path / "reports.idx", tmp_path / "reports")


def test_the_bundled_corpus_stays_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QA_CORPUS_DIR", raising=False)
    assert Settings().corpus_dir == PROJECT_ROOT / "corpus"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("QA_TOP_K", "abc", "QA_TOP_K must be a whole number from 1 to 10, got 'abc'"),
        ("QA_RETRIEVER", "fast", "QA_RETRIEVER must be one of dense, bm25, hybrid, got 'fast'"),
        ("QA_MIN_CONFIDENCE", "2", "QA_MIN_CONFIDENCE must be a number from 0 to 1, got '2'"),
        ("QA_PARSE_TIMEOUT", "0", "QA_PARSE_TIMEOUT must be a number above 0, got '0'"),
        (
            "QA_PARSE_TIMEOUT",
            "inf",
            "QA_PARSE_TIMEOUT must be a number above 0, got 'inf', which is not a finite number",
        ),
        (
            "QA_MIN_CONFIDENCE",
            "nan",
            "QA_MIN_CONFIDENCE must be a number from 0 to 1, got 'nan', which is not a finite number",
        ),
    ],
)
def test_a_bad_setting_is_named_as_the_user_wrote_it(
    name: str, value: str, message: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(name, value)
    assert main(["ask", "x"]) == 2
    assert capsys.readouterr().err == f"error: {message}\n"


def test_more_collections_are_listed_with_commas_and_read_from_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QA_COLLECTIONS", "reports.idx, /srv/briefs.idx")
    assert Settings().collections == [tmp_path / "reports.idx", Path("/srv/briefs.idx")]
