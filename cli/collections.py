"""`qa collections`: list, make and delete collections, in the local collections folder or on a running server.

Both ways go through the one implementation of each job: here, `qa.collection_folders`, the functions the
server's `/api/collections` routes call; with `--server URL`, those routes themselves.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from cli.common import read_files, server_request, settings_of
from qa.errors import CollectionNotFound
from qa.formats import PARSERS

ABOUT = (
    "A collection is a set of your own documents with an index of its own, made and deleted by name, without "
    "touching the main corpus. Each is one folder in QA_COLLECTIONS_DIR (default: "
    "~/.local/share/footnote-qa/collections): its index, with its documents in documents/ inside it. `qa serve` "
    "serves every collection in that folder beside its main one, also those made while it runs: a reader picks one "
    "in the page, or names it as `collection` in the API. Ask one here with "
    '`qa ask --index FOLDER "question"`, FOLDER being its folder, which `qa collections make` and `list` print. '
    "With --server URL, each command works on that running server instead, with the admin token in QA_ADMIN_TOKEN."
)
WHERE = (
    "Collections are kept in QA_COLLECTIONS_DIR, one folder each; `qa collections --help` says what they are and "
    "how to ask one."
)
SERVER_HELP = "work on the running server at URL instead of this machine's folder (token from QA_ADMIN_TOKEN)"
NAME_HELP = "its name: lowercase letters (a-z) and digits, joined by single hyphens, like annual-reports"


def add_collections_command(commands: argparse._SubParsersAction) -> None:
    """Add `qa collections` and its subcommands to the `qa` parser's `commands`."""
    group = commands.add_parser("collections", help="List, make and delete collections of your own documents.")
    group.description = ABOUT
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")

    def action(name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text, description=f"{help_text} {WHERE}")
        sub.add_argument("--server", metavar="URL", help=SERVER_HELP)
        sub.add_argument("-v", "--verbose", action="store_true", help="also say what loads and how long it takes")
        sub.set_defaults(handler=handler)
        return sub

    action("list", "List the collections: name, documents, passages and when each was built.", cmd_list)
    make = action("make", "Make a collection of the files given and build its index.", cmd_make)
    make.add_argument("name", metavar="NAME", help=NAME_HELP)
    make.add_argument("files", nargs="+", type=Path, metavar="FILE", help=f"its documents ({' '.join(PARSERS)})")
    delete = action("delete", "Delete a collection: its index and its copy of the documents.", cmd_delete)
    delete.add_argument("name", metavar="NAME", help="the collection's name, as `qa collections list` shows it")


def cmd_list(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    if args.server:
        listed = server_request(settings, args.server, "GET", "/api/collections")
        if listed is None:
            return 2
        notes = {True: "made", False: "named at start"}  # only those made can be deleted through a server
        print(table((c["name"], c["documents"], c["passages"], c["built_at"], notes[c["made"]]) for c in listed))
        print(f"served by {args.server}; those made can be deleted with `qa collections delete NAME --server URL`")
        return 0
    from embeddings.index import IndexLoadError
    from qa.collection_folders import collection_summary, created_collections

    home = settings.collections_dir
    rows: list[Row] = []
    for folder in created_collections(home):
        try:
            summary = collection_summary(folder)
            rows.append((summary.name, summary.documents, summary.passages, summary.built_at, ""))
        except IndexLoadError as error:  # a folder copied in by hand, half-made: said, and `qa serve` skips it
            print(f"warning: {folder.name} is not a collection `qa serve` can serve: {error}", file=sys.stderr)
    if not rows:
        print(f"no collections in {home} (QA_COLLECTIONS_DIR); make one with `qa collections make NAME FILE...`")
        return 0
    print(table(rows))
    print(f'in {home} (QA_COLLECTIONS_DIR); ask one with `qa ask --index "{home}/NAME" "question"`')
    return 0


Row = tuple[str, int, int, str, str]
"""A collection as `qa collections list` shows it: name, documents, passages, when built, and a note."""


def table(rows: Iterable[Row]) -> str:
    """The collections as aligned columns, one a line, each with its note (empty for none)."""
    lines = [("NAME", "DOCUMENTS", "PASSAGES", "BUILT (UTC)", "")]
    lines += [(name, str(documents), str(passages), built, note) for name, documents, passages, built, note in rows]
    widths = [max(len(line[column]) for line in lines) for column in range(4)]
    return "\n".join(
        f"{name:<{widths[0]}}  {documents:>{widths[1]}}  {passages:>{widths[2]}}  {built:<{widths[3]}}  {note}".rstrip()
        for name, documents, passages, built, note in lines
    )


def cmd_make(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    files = read_files(args.files)  # before any model loads, or any request is sent
    if args.server:
        made = server_request(
            settings,
            args.server,
            "POST",
            "/api/collections",
            data={"name": args.name},
            files=[("files", f) for f in files],
        )
        if made is None:
            return 2
        ids = [d["id"] for d in made["documents"]]
        print(f"made collection {made['name']} of {', '.join(ids)} on {args.server}\n{made['summary']}")
        return 0
    from qa.assistant import open_encoder
    from qa.collection_folders import create_collection
    from qa.isolation import ParseLimits

    folder, change = create_collection(
        settings.collections_dir,
        args.name,
        lambda: open_encoder(settings, queries=False),  # once the name and the files are known to be good
        files,
        progress=True,
        lock_timeout=settings.index_lock_timeout,
        limits=ParseLimits.of(settings),
    )
    ids = ", ".join(a.id for a in change.documents)
    print(f"made collection {args.name} of {ids} in {folder}\n{change.report.summary()}")
    print(f'ask it with `qa ask --index "{folder}" "question"`; `qa serve` serves it beside the main collection')
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    if args.server:
        deleted = server_request(settings, args.server, "DELETE", f"/api/collections/{quote(args.name, safe='')}")
        if deleted is None:
            return 2
        print(f"deleted collection {deleted['name']} on {args.server}")
        return 0
    from qa.collection_folders import created_collections, delete_collection

    home = settings.collections_dir
    try:
        delete_collection(home, args.name, lock_timeout=settings.index_lock_timeout)
    except CollectionNotFound as error:
        there = ", ".join(folder.name for folder in created_collections(home)) or "none"
        raise CollectionNotFound(f"{error}; the collections in {home} are: {there}") from None
    print(f"deleted collection {args.name} from {home}")
    return 0
