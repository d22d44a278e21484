"""A collection: an index folder and the folder of documents it was built from.

A build records its folder (`Manifest.corpus_dir`), so `qa ask --index reports.idx` reads reports/
without being told again, and no command builds an index from a folder it was not built from unless
told to with `--force`. Every command meets a missing, foreign or stale index here, the same way:

- missing, damaged, or built by another model: it stops, naming the `qa index` command that builds it;
- built from another folder than the one named with `--corpus` or `QA_CORPUS_DIR`: it stops, naming
  both ways out (index that folder beside it, or replace this index's documents with `--force`);
- stale (its folder changed since the build): it is used as built, and a warning names the command
  that updates it. Nothing is rebuilt behind the user's back: a rebuild loads PyTorch and embeds for
  seconds to minutes, which a question or a server start must not silently cost, and the old build is
  still a faithful copy of the documents as they were (every quote is verbatim from its own text).
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from embeddings.index import IndexLoadError, Manifest, read_manifest
from qa.errors import CorpusError, IndexUnavailable
from qa.settings import Settings


def shell_path(path: Path) -> str:
    """`path` as the user would type it where they are: relative below the working directory, else absolute."""
    absolute = path.absolute()
    try:
        text = str(absolute.relative_to(Path.cwd()))
    except ValueError:
        text = str(absolute)
    return shlex.quote(text)


def index_command(corpus_dir: Path, index_dir: Path, *, force: bool = False) -> str:
    """The exact `qa index` command that builds `index_dir` from `corpus_dir`, in backquotes."""
    return f"`qa index --corpus {shell_path(corpus_dir)} --index {shell_path(index_dir)}{' --force' if force else ''}`"


def collection_name(index_dir: Path) -> str:
    """What the page's picker and the API's `collection` call an index: its folder's name, without a leading dot."""
    return index_dir.resolve().name.lstrip(".") or "index"


def served_settings(settings: Settings, more: Sequence[Path] | None = None) -> list[Settings]:
    """Settings for each collection a server serves: `settings`' own, then one per index folder in `more`
    (default: `settings.collections`), each reading the folder its index was built from (a `--corpus` names
    the first collection's only)."""
    others = []
    for index_dir in settings.collections if more is None else more:
        other = settings.model_copy(update={"index_dir": Path.cwd() / index_dir})
        other.model_fields_set.discard("corpus_dir")
        others.append(other)
    return [settings, *others]


def recorded_corpus(manifest: Manifest | None, index_dir: Path) -> Path | None:
    """The folder the build in `index_dir` was made from; None for builds made before it was recorded."""
    if manifest is None or not manifest.corpus_dir:
        return None
    return (index_dir.resolve() / manifest.corpus_dir).resolve()


def corpus_for(settings: Settings, manifest: Manifest | None, *, replace: bool = False) -> Path:
    """The folder of documents that goes with the index: the one it was built from.

    A folder the user named (`--corpus`, `QA_CORPUS_DIR`) that is not that one is refused, unless
    `replace` (`qa index --force`) asks to make the index hold it instead.
    """
    recorded = recorded_corpus(manifest, settings.index_dir)
    named = "corpus_dir" in settings.model_fields_set
    if recorded is None or (named and replace):
        return settings.corpus_dir
    if not named or settings.corpus_dir.resolve() == recorded:
        return recorded
    given, index = settings.corpus_dir, settings.index_dir
    beside = Path(f"{given.resolve().name}.idx")
    raise IndexUnavailable(
        f"the index in {shell_path(index)} was built from {shell_path(recorded)}, not {shell_path(given)}. "
        f"To keep both, index {shell_path(given)} into its own folder with {index_command(given, beside)} and "
        f"name it in later commands (--index {shell_path(beside)} or QA_INDEX_DIR); to make "
        f"{shell_path(index)} hold {shell_path(given)} instead, run {index_command(given, index, force=True)}; "
        f"to use {shell_path(index)} as it is, leave out --corpus and QA_CORPUS_DIR"
    )


def own_folder(settings: Settings, *, replace: bool = False) -> Path:
    """The folder `qa index`, `qa add` and `qa remove` work on: the one the index records, else the one
    named or the default; see `corpus_for`."""
    try:
        manifest = read_manifest(settings.index_dir)
    except IndexLoadError:
        manifest = None
    return corpus_for(settings, manifest, replace=replace)


@dataclass(frozen=True)
class Collection:
    """An index ready to load, with the settings that read its own folder."""

    settings: Settings
    """The settings asked for, with `corpus_dir` the folder the index was built from."""
    manifest: Manifest
    stale: str | None
    """Why the build no longer matches its folder, or None when it does."""

    @property
    def name(self) -> str:
        return collection_name(self.settings.index_dir)

    def warning(self) -> str | None:
        """What a command says when it answers from a stale build; None when the build is current."""
        if self.stale is None:
            return None
        command = index_command(self.settings.corpus_dir, self.settings.index_dir)
        return f"{self.stale}; answering from the build of {self.manifest.built_at} as it is. Update it with {command}"


def open_collection(settings: Settings, model: str) -> Collection:
    """The collection in `settings.index_dir`, checked before anything is loaded; `model` is the model's id.

    Raises IndexUnavailable, naming the `qa index` command to run, for a missing, damaged or foreign index.
    """
    from qa.indexing import rebuild_reason  # reads the folder: the parsers' table, only when an index exists
    from qa.journal import recover

    try:
        manifest = read_manifest(settings.index_dir)
    except IndexLoadError as error:
        command = index_command(settings.corpus_dir, settings.index_dir)
        raise IndexUnavailable(f"{error}; build it with {command}") from error
    corpus = corpus_for(settings, manifest)
    recover(corpus, settings.index_dir)  # an add killed mid-build is committed or rolled back first
    if manifest.model != model:
        raise IndexUnavailable(
            f"the index in {shell_path(settings.index_dir)} was built with model {manifest.model}, not {model}; "
            f"rebuild it with {index_command(corpus, settings.index_dir)}"
        )
    try:
        stale = rebuild_reason(manifest, corpus, settings.index_type)
    except CorpusError as error:
        stale = f"the documents it was built from cannot be read ({error})"
    return Collection(settings.model_copy(update={"corpus_dir": corpus}), manifest, stale)
