"""`qa`: index documents, ask questions, serve the web app, run the evaluation."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from cli.collections import add_collections_command
from cli.common import read_files, server_request, settings_of, whole
from qa.collection import collection_name
from qa.decision import MAX_FALSE_ABSTENTION
from qa.errors import (
    IndexUnavailable,
    InvalidQuestion,
    InvalidSetting,
    QAError,
)
from qa.formats import PARSERS
from qa.inputs import MAX_K, validate_k, whole_number
from qa.names import for_terminal, shown_lines
from qa.settings import RETRIEVERS, Settings

if TYPE_CHECKING:
    from embeddings import Encoder
    from qa.assistant import Assistant
    from qa.changes import Change

log = logging.getLogger("qa")


def _default(setting: str) -> object:
    """A setting's default, as the help quotes it: what applies when neither the option nor `QA_*` is given."""
    return Settings.model_fields[setting].default


def cmd_index(args: argparse.Namespace) -> int:
    from embeddings.index import current_build
    from qa.assistant import current_model_id, open_encoder
    from qa.collection import own_folder
    from qa.documents import unsaved_store
    from qa.indexing import build_index, check_index_folder, retry_reason, stale_reason, stopped_note
    from qa.isolation import ParseLimits, start_forkserver
    from qa.journal import recover
    from qa.lexical_index import unsaved_statistics

    settings = settings_of(args)
    limits = ParseLimits.of(settings)
    corpus_dir = own_folder(settings, replace=args.force)
    recover(corpus_dir, settings.index_dir)  # an add killed mid-build
    reason = stale_reason(settings.index_dir, corpus_dir, current_model_id(settings), settings.index_type)
    if reason is None:  # a build of these documents, but maybe by a version that saved no word statistics or store
        build = current_build(settings.index_dir)
        reason = unsaved_statistics(build) or unsaved_store(build) or retry_reason(settings.index_dir, limits)
    if not args.force and reason is None:
        if not _query_graph_exported(settings):  # a build made by the library, which exports no query graph
            if _export_query_graph(open_encoder(settings, queries=False), settings):
                print(f"exported the {settings.encoder_backend} question encoder into {settings.index_dir}")
        print(
            f"index in {settings.index_dir} is up to date with {corpus_dir}; --force rebuilds it"
            + stopped_note(settings.index_dir)
        )
        return 0
    check_index_folder(settings.index_dir)  # before the model loads
    if reason is not None:
        print(f"building the index: {reason}")
    start_forkserver()  # the parsers' process imports them while the model loads
    encoder = open_encoder(settings, queries=False)
    build = build_index
    if address := args.ray or settings.ray_address:
        from qa.distributed import build_index_on_ray

        build = partial(build_index_on_ray, address)
    report = build(
        corpus_dir,
        settings.index_dir,
        encoder,
        lock_timeout=settings.index_lock_timeout,
        index_type=settings.index_type,
        limits=limits,
    )
    if settings.encoder_backend != "torch":  # so that `qa ask` embeds questions without loading PyTorch
        _export_query_graph(encoder, settings)
    print(report.summary())
    return 0


def _export_query_graph(encoder: Encoder, settings: Settings) -> bool:
    """Keep the question encoder's graph in the index folder; whether it was kept. A folder that cannot take it
    (full, read-only) costs the next `qa ask` an export of its own elsewhere, not the build that was made."""
    from qa.assistant import ENCODER_CACHE

    try:
        encoder.export_query_graph(settings.index_dir / ENCODER_CACHE, settings.encoder_backend)
    except OSError as error:
        print(
            f"warning: the {settings.encoder_backend} question encoder could not be saved in {settings.index_dir} "
            f"({error.strerror}); `qa ask` exports it into QA_CACHE_DIR when it first needs it",
            file=sys.stderr,
        )
        return False
    return True


def _query_graph_exported(settings: Settings) -> bool:
    from embeddings.onnx_model import is_exported, onnx_path
    from qa.assistant import ENCODER_CACHE, current_model_id

    if settings.encoder_backend == "torch":
        return True
    cache = settings.index_dir / ENCODER_CACHE
    return is_exported(onnx_path(cache, current_model_id(settings), settings.encoder_backend))


def cmd_add(args: argparse.Namespace) -> int:
    settings = _changed_collection(args)
    files = read_files(args.paths)
    if args.server:
        return _remote(settings, args, "POST", "/api/documents", files=[("files", file) for file in files])
    from qa.changes import add_documents

    return _change_here(settings, add_documents, files)


def cmd_remove(args: argparse.Namespace) -> int:
    settings = _changed_collection(args)
    if args.server:
        return _remote(settings, args, "DELETE", f"/api/documents/{quote(args.doc_id, safe='')}")
    from embeddings.index import IndexLoadError
    from qa.changes import remove_document
    from qa.indexing import indexed_articles

    try:
        articles = indexed_articles(settings.index_dir)  # before the model loads: a missing index is said at once
    except IndexLoadError as error:
        raise IndexUnavailable(f"{error}; build the index with `qa index` first") from error
    return _change_here(settings, remove_document, args.doc_id, articles)


def _changed_collection(args: argparse.Namespace) -> Settings:
    """The settings of `qa add` and `qa remove`, reading the corpus folder the index records."""
    from qa.collection import own_folder

    if args.collection is not None and not args.server:
        raise InvalidSetting("--collection names a collection of a running server (--server URL); here, give --index")
    settings = settings_of(args)
    return settings.model_copy(update={"corpus_dir": own_folder(settings)})


def _change_here(settings: Settings, change: Callable[..., Change], *what: object) -> int:
    """Apply an add or a remove in this process, not through a server (`qa.changes`), and say what changed."""
    from qa.assistant import open_encoder
    from qa.isolation import ParseLimits

    done = change(
        settings.corpus_dir,
        settings.index_dir,
        lambda: open_encoder(settings, queries=False),  # once the change is known to be possible
        *what,
        progress=True,
        lock_timeout=settings.index_lock_timeout,
        limits=ParseLimits.of(settings),
    )
    print(f"changed {', '.join(a.id for a in done.documents)}\n{done.report.summary()}")
    return 0


def _remote(settings: Settings, args: argparse.Namespace, method: str, path: str, **request: Any) -> int:
    """Send a change of documents to the running server `--server` (its collection `--collection`, if given);
    print what it changed."""
    body = server_request(settings, args.server, method, path, args.collection, **request)
    if body is None:
        return 2
    print(f"changed {', '.join(d['id'] for d in body['documents'])}\n{body['summary']}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from qa.assistant import Assistant, validate_question
    from qa.schema import answer_out

    settings = settings_of(args)
    if byte := next((c for c in args.question if "\udc80" <= c <= "\udcff"), None):  # how Python keeps a bad byte
        raise InvalidQuestion(
            f"the question holds the byte 0x{ord(byte) - 0xDC00:02x}, which is not UTF-8; "
            "set the terminal's encoding to UTF-8 and ask again"
        )
    validate_question(args.question, settings.max_question_chars)  # fail fast, before loading a model
    k = None if args.k is None else validate_k(whole(args.k))
    answer = Assistant.open(settings, answer_only=True).ask(args.question, k, args.retriever)
    if args.json:
        print(answer_out(answer).model_dump_json(indent=2))
    else:
        print(for_terminal(answer.text))  # a file's name, or its text, may hold escape sequences
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from qa.assistant import open_served, served_collections
    from web.app import create_app
    from web.auth import admin_status
    from web.protocol import uvicorn_options
    from web.served_assistant import freeze_loaded

    settings = settings_of(args)
    workers = whole(args.workers)
    if not isinstance(workers, int) or workers < 1:
        raise InvalidSetting(f"--workers must be {whole_number(1)}, got {workers!r}")
    if args.index and len(args.index) > 1 and args.corpus:
        raise InvalidSetting(
            "--corpus names one folder; with several --index, each index reads the folder it was built from"
        )
    more = [Path(folder) for folder in args.index[1:]] if args.index else None
    # Before the model loads: a busy port is known at once.
    ensure_port_free(settings.host, settings.port, "--host" if args.host is not None else "QA_HOST")
    host, port = settings.host, settings.port
    limits = uvicorn_options(settings)  # request head size and time limits, keep-alive timeout
    if workers == 1:
        assistants = open_served(settings, more)
        print(admin_status(settings), file=sys.stderr)
        print(f"serving {', '.join(_served(a) for a in assistants)} on http://{host}:{port}", file=sys.stderr)
        # uvicorn finishes the requests in flight on SIGTERM, then raises the signal again to end the
        # process; by then the shutdown is complete and clean, so it ends with status 0, not -15.
        signal.signal(signal.SIGTERM, _stopped)
        freeze_loaded()
        app = create_app(assistants[0].settings, assistants[0], others=assistants[1:])
        uvicorn.run(app, host=host, port=port, log_level="info", **limits)
        return 0
    # Each worker loads its own model and indexes in its app's lifespan, from the environment, so the
    # folders checked here go with it.
    first, *others = served_collections(settings, more)
    print(admin_status(settings), file=sys.stderr)
    names = ", ".join(collection.name for collection in (first, *others))
    print(f"serving {names} with {workers} workers on http://{host}:{port}", file=sys.stderr)
    os.environ["QA_CORPUS_DIR"] = str(first.settings.corpus_dir)
    os.environ["QA_INDEX_DIR"] = str(first.settings.index_dir)
    os.environ["QA_COLLECTIONS"] = ",".join(str(other.settings.index_dir) for other in others)
    uvicorn.run(
        "web.app:create_app",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
        **limits,
    )
    return 0


def _served(assistant: Assistant) -> str:
    return f"{len(assistant.articles)} documents of {collection_name(assistant.settings.index_dir)}"


def ensure_port_free(host: str, port: int, host_from: str = "--host") -> None:
    """Refuse a port another process listens on, naming a free one to pass as --port instead; and an address
    that cannot be listened on at all, naming where it was given (`host_from`: `--host` or `QA_HOST`)."""
    error = _bind_error(host, port, host_from)
    if error is None:
        return
    if error.errno != errno.EADDRINUSE:  # not this machine's address, or a port it may not open
        raise InvalidSetting(f"cannot listen on {host}:{port} ({error.strerror}); check {host_from} and --port")
    spare = next((p for p in range(port + 1, min(port + 50, 65536)) if _bind_error(host, p, host_from) is None), None)
    hint = f"; serve on another port with --port {spare}" if spare else "; choose another port with --port"
    raise InvalidSetting(f"{host}:{port} is already in use (is another `qa serve` running there?){hint}")


def _bind_error(host: str, port: int, host_from: str) -> OSError | None:
    """Why `host:port` cannot be listened on, as the server would bind it; None when it can."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise InvalidSetting(f"{host_from} {host!r} is not an address of this machine ({error.strerror})") from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a closed server's port is free
        try:
            probe.bind(address)
        except OSError as error:
            return error
    return None


def _stopped(signum: int, frame: object) -> None:
    raise SystemExit(0)


def cmd_eval(args: argparse.Namespace) -> int:
    from eval.collections import COLLECTIONS, require_files
    from eval.runner import run_cli
    from qa.assistant import current_model_id
    from qa.collection import open_collection

    settings = settings_of(args)
    if args.question_set is not None and not args.question_set.is_file():  # before the model loads
        raise InvalidSetting(f"--set {args.question_set}: no such question file; see docs/evaluate-your-documents.md")
    validate_k(args.k)
    if args.sweep:
        require_files(COLLECTIONS)
    return run_cli(args, open_collection(settings, current_model_id(settings)).settings)


def cmd_calibrate(args: argparse.Namespace) -> int:
    from eval.calibrate import run_cli

    return run_cli(args, settings_of(args))


COLLECTION_HELP = "with --server: which of its collections to change, by name (default: the main one)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qa",
        description="Answer questions about policy documents with verbatim quotes and the sources' own footnotes.",
        epilog="Settings also come from QA_* environment variables; see README.md.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, handler, *, several_indexes: bool = False) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "--corpus",
            help="folder of documents (default: the one the index was built from, else QA_CORPUS_DIR or the "
            "bundled corpus); relative to the current folder",
        )
        sub.add_argument(
            "--index",
            action="append" if several_indexes else "store",
            help="index folder (default: QA_INDEX_DIR, else .qa-index in a checkout, ~/.local/share/footnote-qa/index "
            "when installed); relative to the current folder"
            + ("; give it again to serve more collections" if several_indexes else ""),
        )
        sub.add_argument("-v", "--verbose", action="store_true", help="also say what loads and how long it takes")
        sub.set_defaults(handler=handler)
        return sub

    index = add("index", "Parse the corpus folder and build the passage index (skipped when up to date).", cmd_index)
    index.add_argument("--force", action="store_true", help="rebuild even if the index is up to date")
    index.add_argument(
        "--ray",
        metavar="ADDRESS",
        help="build on the Ray cluster at ADDRESS (`auto`: the one running here; default: QA_RAY_ADDRESS); "
        "needs pip install '.[ray]'",
    )

    add_cmd = add("add", "Copy documents into the corpus folder and re-index (only new text is embedded).", cmd_add)
    add_cmd.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=f"files to add ({' '.join(PARSERS)})")
    add_cmd.add_argument("--server", metavar="URL", help="add to a running server instead (token from QA_ADMIN_TOKEN)")
    add_cmd.add_argument("--collection", metavar="NAME", help=COLLECTION_HELP)

    remove = add("remove", "Remove the file holding a document from the corpus folder and re-index.", cmd_remove)
    remove.add_argument("doc_id", metavar="DOC_ID", help="a document id, as in answers and /api/documents/{id}")
    remove.add_argument("--server", metavar="URL", help="remove on a running server (token from QA_ADMIN_TOKEN)")
    remove.add_argument("--collection", metavar="NAME", help=COLLECTION_HELP)

    ask = add("ask", "Answer one question from the indexed documents.", cmd_ask)
    ask.add_argument("question", help="the question, in plain words (quote it in the shell)")
    ask.add_argument("-k", "--k", help=f"sources to quote, 1-{MAX_K} (default: QA_TOP_K, {_default('top_k')})")
    ask.add_argument("--json", action="store_true", help="print the answer as the API's JSON")
    ask.add_argument(
        "--retriever",
        choices=RETRIEVERS,
        help=f"how passages are ranked (default: QA_RETRIEVER, {_default('retriever')})",
    )

    serve = add("serve", "Serve the web form and the JSON API.", cmd_serve, several_indexes=True)
    serve.add_argument("--host", help=f"address to listen on (default: QA_HOST, {_default('host')})")
    serve.add_argument("--port", help=f"port to listen on, 1-65535 (default: QA_PORT, {_default('port')})")
    serve.add_argument("--workers", default="1", help="server processes, each with its own model (default 1)")

    evaluate = add("eval", "Measure retrieval, quoting, footnotes and abstention on the eval set.", cmd_eval)
    evaluate.add_argument(
        "--set", dest="question_set", type=Path, help="questions file (default: eval/questions.jsonl)"
    )
    evaluate.add_argument("-k", "--k", type=whole, default=3, help=f"sources per answer, 1-{MAX_K} (default 3)")
    evaluate.add_argument(
        "--split", choices=("dev", "test", "all"), default="all", help="which questions (default all)"
    )
    evaluate.add_argument("--json", dest="json_out", type=Path, help="also write the figures to this JSON file")
    evaluate.add_argument(
        "--retriever",
        choices=RETRIEVERS,
        help=f"retriever the main table measures (default: QA_RETRIEVER, {_default('retriever')})",
    )
    evaluate.add_argument(
        "--compare", action="store_true", help="also measure dense, bm25, hybrid and the Haystack peer side by side"
    )
    evaluate.add_argument(
        "--sweep",
        action="store_true",
        help="sweep every project collection's held-out split under the fitted decision and the old score "
        "threshold: print abstention against false abstention, and plot it",
    )
    evaluate.add_argument(
        "--plot",
        type=Path,
        default=Path("docs/abstention-sweep.png"),
        help="where --sweep writes its PNG (default docs/abstention-sweep.png)",
    )

    calibrate = add(
        "calibrate",
        "Fit the answer decision on your own questions and keep it with the index (docs/evaluate-your-documents.md).",
        cmd_calibrate,
    )
    calibrate.add_argument("--set", dest="question_set", type=Path, required=True, help="your questions file")
    calibrate.add_argument("-k", "--k", type=whole, default=3, help=f"sources per answer, 1-{MAX_K} (default 3)")
    calibrate.add_argument(
        "--split", choices=("dev", "test", "all"), default="dev", help="which questions to fit on (default dev)"
    )
    calibrate.add_argument(
        "--max-false-abstention",
        type=float,
        default=MAX_FALSE_ABSTENTION,
        help=f"share of answerable questions the decision may leave unanswered (default {MAX_FALSE_ABSTENTION})",
    )
    add_collections_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Quiet unless -v: warnings and errors only. The level is the handler's, so libraries that set their own
    # loggers to DEBUG (bm25s announces every index it builds) are quiet too.
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.INFO if args.verbose else logging.WARNING)
    logging.basicConfig(level=logging.INFO, format="%(message)s", handlers=[handler], force=True)
    try:
        return args.handler(args)
    except QAError as error:
        print(f"error: {shown_lines(str(error))}", file=sys.stderr)  # it may quote a file name or a server
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
