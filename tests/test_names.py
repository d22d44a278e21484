"""File names: nothing a screen hides is accepted or printed raw, and ids are made from names in any script."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cli.main import main
from embeddings import Encoder
from qa import Settings
from qa.assistant import validate_doc_id
from qa.changes import check_name
from qa.corpus import slugify
from qa.errors import CorpusError
from qa.indexing import IndexReport
from qa.names import for_terminal, shown
from qa.settings import PROJECT_ROOT
from tests.conftest import open_built
from web.app import create_app

TOKEN = "names-test-admin-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
TEXT = b"A Report\n\nThe guards kept a ledger of every prisoner moved between the camps.\n"


@pytest.fixture(scope="module")
def admin(tmp_path_factory: pytest.TempPathFactory, encoder: Encoder) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("names")
    (root / "corpus").mkdir()
    shutil.copy(PROJECT_ROOT / "eval" / "formats" / "prison-food-rations.md", root / "corpus")
    settings = Settings(corpus_dir=root / "corpus", index_dir=root / "index", admin_token=TOKEN)
    with TestClient(create_app(settings, open_built(settings, encoder))) as client:
        yield client


def multipart(name: str, data: bytes) -> tuple[bytes, dict[str, str]]:
    """A one-file upload with `name` exactly as given: clients percent-encode a newline, an attacker need not."""
    boundary = "names-boundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n\r\n'.encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, {**AUTH, "content-type": f"multipart/form-data; boundary={boundary}"}


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("report\tdraft.txt", "U+0009, a control character"),
        ("report\x1b[2J.txt", "U+001B, a control character"),
        ("\u202egnp.txt", "U+202E RIGHT-TO-LEFT OVERRIDE, a formatting character"),
        ("re\u200bport.txt", "U+200B ZERO WIDTH SPACE, a formatting character"),
        ("report\u2028.txt", "U+2028 LINE SEPARATOR, a line separator"),
    ],
)
def test_a_name_with_a_character_a_screen_hides_is_refused_naming_it(name: str, named: str) -> None:
    with pytest.raises(CorpusError) as refused:
        check_name(name)
    assert f"contains {named}, which would hide or disguise the name" in str(refused.value)
    assert name not in str(refused.value)  # the message shows it escaped


def test_an_upload_named_with_a_newline_is_a_400_that_shows_it_escaped(admin: TestClient) -> None:
    body, headers = multipart("notes\nforged-line.txt", TEXT)
    response = admin.post("/api/documents", content=body, headers=headers)
    assert response.status_code == 400
    assert response.json()["detail"].startswith("file name 'notes\\nforged-line.txt' contains U+000A")


def test_a_250_character_name_is_added(admin: TestClient) -> None:
    name = "r" * 246 + ".txt"
    response = admin.post("/api/documents", files=[("files", (name, TEXT))], headers=AUTH)
    assert response.status_code == 201, response.text
    assert (Path(admin.app.state.settings.corpus_dir) / name).is_file()


def test_a_name_over_255_bytes_is_refused_with_its_size(admin: TestClient) -> None:
    name = "가" * 90 + ".txt"  # 90 characters, 274 bytes in UTF-8
    response = admin.post("/api/documents", files=[("files", (name, TEXT))], headers=AUTH)
    assert response.status_code == 400
    assert "is 274 bytes in UTF-8; file systems allow 255" in response.json()["detail"]


def test_two_korean_named_files_get_ids_of_their_own(admin: TestClient) -> None:
    first = admin.post("/api/documents", files=[("files", ("보고서.txt", TEXT))], headers=AUTH)
    second = admin.post("/api/documents", files=[("files", ("성명.txt", TEXT))], headers=AUTH)
    assert [d["id"] for d in first.json()["documents"]] == ["보고서-1"]
    assert [d["id"] for d in second.json()["documents"]] == ["성명-1"]
    assert admin.get("/api/documents/성명-1").json()["source"] == "성명.txt"


@pytest.mark.parametrize(
    ("stem", "slug"),
    [
        ("hrnk-articles-by-board-members-fellows-and-staff", "hrnk-articles-by-board-members-fellows-and-staff"),
        ("38North_A Serious (Negotiation)", "38north-a-serious-negotiation"),
        ("Résumé Straße", "résumé-strasse"),
        ("ＵＮ　Report２", "un-report2"),
        ("हिन्दी पाठ", "हिन्दी-पाठ"),
        ("???", "document"),
    ],
)
def test_ids_keep_the_letters_of_any_script(stem: str, slug: str) -> None:
    assert slugify(stem) == slug
    assert validate_doc_id(f"{slug}-1") == f"{slug}-1"


def test_a_skipped_file_is_listed_with_its_name_escaped() -> None:
    report = IndexReport(1, 1, 1, 0, 1, skipped=(("x\x1b[2J.xyz", "unsupported format (.xyz)"),))
    assert report.summary().endswith("\nskipped x\\x1b[2J.xyz: unsupported format (.xyz)")


def test_the_cli_never_prints_a_name_raw(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "\u202egnp.txt"
    assert main(["add", str(missing), "--corpus", str(tmp_path), "--index", str(tmp_path / "index")]) == 2
    error = capsys.readouterr().err
    assert "\u202e" not in error
    assert f"{shown(str(missing))}: cannot be read" in error


def test_a_printed_answer_escapes_control_characters_and_bidi_overrides() -> None:
    assert for_terminal("a\x1b[2Jb.txt \u202egnp.txt \x07\x9b") == "a\\x1b[2Jb.txt \\u202egnp.txt \\x07\\x9b"


def test_a_printed_answer_keeps_the_sources_own_spaces_hyphens_joiners_tabs_and_lines() -> None:
    text = "forty\u00a0witnesses, re\u00adgime, \u0645\u200c\u0627\tcol\nnext line"
    assert for_terminal(text) == text
