"""Where the default folders are, in a checkout and in an installed wheel.

In a checkout the bundled corpus is `corpus/` and the index is built beside it in `.qa-index`. An installed
package has no checkout: the bundled corpus ships inside it as package data (`qa/bundled_corpus`, in the
checkout a link to `corpus/`), and the index goes to the user's data folder, as site-packages may be
read-only and is no place for a user's index.
"""

from __future__ import annotations

from pathlib import Path

from qa.errors import CorpusError

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file()
"""Whether `qa` runs from a checkout of the project (its packages beside `pyproject.toml`), not an install."""


def user_data_dir(data_home: Path | None) -> Path:
    """`footnote-qa` in `data_home` (`XDG_DATA_HOME`, read by the settings), else in `~/.local/share`, as the XDG
    base directory spec has it.

    Not the cache folder: an index of a user's own documents can take minutes to rebuild.
    """
    return (data_home or Path.home() / ".local" / "share") / "footnote-qa"


def bundled_corpus() -> Path:
    """The bundled corpus: `corpus/` in a checkout, the package's copy when installed."""
    return PROJECT_ROOT / "corpus" if IN_CHECKOUT else PACKAGE_DIR / "bundled_corpus"


def default_index_dir(data_dir: Path) -> Path:
    """The index folder used when none is named: `.qa-index` in a checkout, else `index` in the user's data
    folder `data_dir` (`user_data_dir`)."""
    return PROJECT_ROOT / ".qa-index" if IN_CHECKOUT else data_dir / "index"


def changeable_corpus(folder: Path) -> Path:
    """`folder`, to add documents to or remove them from, unless it lies inside the installed package.

    An installed wheel's bundled corpus sits in site-packages: writing there would change the package for
    every user of it, be undone by the next upgrade, and fail where site-packages is read-only. In a checkout
    the bundled corpus is `corpus/`, outside the package, and stays changeable.
    """
    if folder.resolve().is_relative_to(PACKAGE_DIR):
        raise CorpusError(
            f"{folder} is inside the installed package (its bundled corpus), which is not changed; add to your own "
            "folder: give it with --corpus DIR (or QA_CORPUS_DIR) and its index with --index DIR (or QA_INDEX_DIR)"
        )
    return folder
