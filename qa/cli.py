"""`qa`: index documents, ask questions, serve the web app, run the evaluation."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pydantic import ValidationError

from eval.dataset import EvalSetError
from qa.errors import CorpusError, QAError
from qa.settings import RETRIEVERS, Settings

log = logging.getLogger("qa")


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {}
    if getattr(args, "corpus", None):
        overrides["corpus_dir"] = args.corpus
    if getattr(args, "index", None):
        overrides["index_dir"] = args.index
    return Settings(**overrides)


def cmd_index(args: argparse.Namespace) -> int:
    from embeddings import Encoder
    from qa.indexing import build_index, stale_reason
    from qa.journal import recover

    settings = _settings(args)
    recover(settings.corpus_dir, settings.index_dir)  # an add killed mid-build
    encoder = Encoder(settings.model_dir, settings.batch_size)
    reason = stale_reason(settings.index_dir, settings.corpus_dir, encoder.model_id, settings.index_type)
    if not args.force and reason is None:
        print(f"index in {settings.index_dir} is up to date with {settings.corpus_dir}; --force rebuilds it")
        return 0
    if reason is not None:
        print(f"building the index: {reason}")
    report = build_index(
        settings.corpus_dir,
        settings.index_dir,
        encoder,
        lock_timeout=settings.index_lock_timeout,
        index_type=settings.index_type,
    )
    print(report.summary())
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    settings = _settings(args)
    files = []
    for path in args.paths:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as error:
            raise CorpusError(f"{path}: cannot be read ({error.strerror})") from error
    if args.server:
        return _remote(settings, args.server, "POST", "/api/documents", files=[("files", file) for file in files])
    from embeddings import Encoder
    from qa.library import add_documents

    change = add_documents(
        settings.corpus_dir, settings.index_dir, Encoder(settings.model_dir, settings.batch_size), files, progress=True
    )
    print(f"changed {', '.join(a.id for a in change.documents)}\n{change.report.summary()}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.server:
        return _remote(settings, args.server, "DELETE", f"/api/documents/{quote(args.doc_id, safe='')}")
    from embeddings import Encoder
    from embeddings.index import IndexLoadError
    from qa.indexing import indexed_articles
    from qa.library import remove_document

    try:
        articles = indexed_articles(settings.index_dir)
    except IndexLoadError as error:
        raise CorpusError(f"{error}; build the index with `qa index` first") from error
    encoder = Encoder(settings.model_dir, settings.batch_size)
    change = remove_document(settings.corpus_dir, settings.index_dir, encoder, args.doc_id, articles, progress=True)
    print(f"changed {', '.join(a.id for a in change.documents)}\n{change.report.summary()}")
    return 0


def _remote(settings: Settings, server: str, method: str, path: str, **request: Any) -> int:
    """Send an admin request to a running server with the token from QA_ADMIN_TOKEN; print what it says."""
    import httpx

    if settings.admin_token is None:
        raise CorpusError("--server needs the server's admin token in QA_ADMIN_TOKEN")
    headers = {"authorization": f"Bearer {settings.admin_token.get_secret_value()}"}
    try:
        response = httpx.request(method, server.rstrip("/") + path, headers=headers, timeout=None, **request)
    except httpx.HTTPError as error:
        raise CorpusError(f"cannot reach {server}: {error}") from error
    try:
        body = response.json()
    except ValueError:
        body = {"detail": response.text}
    if response.is_error:
        print(f"error: {server} answered {response.status_code}: {body.get('detail')}", file=sys.stderr)
        return 2
    print(f"changed {', '.join(d['id'] for d in body['documents'])}\n{body['summary']}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from qa.assistant import Assistant, validate_k, validate_question
    from qa.schema import answer_out

    settings = _settings(args)
    validate_question(args.question, settings.max_question_chars)  # fail fast, before loading a model
    if args.k is not None:
        validate_k(args.k)
    answer = Assistant.open(settings).ask(args.question, args.k, args.retriever)
    if args.json:
        print(answer_out(answer).model_dump_json(indent=2))
    else:
        print(answer.text)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from qa.assistant import Assistant, ensure_index
    from web.access_log import log_config
    from web.app import create_app
    from web.state import freeze_loaded

    settings = _settings(args)
    host = args.host or settings.host
    port = args.port or settings.port
    if args.workers < 1:
        raise QAError(f"--workers must be at least 1, got {args.workers}")
    if args.workers == 1:
        assistant = Assistant.open(settings)  # load before binding, so a missing or damaged index is reported here
        print(f"serving {len(assistant.articles)} documents on http://{host}:{port}", file=sys.stderr)
        # uvicorn finishes the requests in flight on SIGTERM, then raises the signal again to end the
        # process; by then the shutdown is complete and clean, so it ends with status 0, not -15.
        signal.signal(signal.SIGTERM, _stopped)
        freeze_loaded()
        app = create_app(settings, assistant)
        uvicorn.run(app, host=host, port=port, log_level="info", access_log=False, log_config=log_config())
        return 0
    # The supervising process only makes sure the index is built; each worker loads its own model
    # and index in its app's lifespan, from the environment, so the paths given here go with it.
    ensure_index(settings)
    print(f"serving with {args.workers} workers on http://{host}:{port}", file=sys.stderr)
    os.environ["QA_CORPUS_DIR"] = str(settings.corpus_dir)
    os.environ["QA_INDEX_DIR"] = str(settings.index_dir)
    uvicorn.run(
        "web.app:create_app",
        factory=True,
        workers=args.workers,
        host=host,
        port=port,
        log_level="info",
        access_log=False,  # the app writes it, after each response (web/access_log.py)
        log_config=log_config(),
    )
    return 0


def _stopped(signum: int, frame: object) -> None:
    raise SystemExit(0)


def cmd_eval(args: argparse.Namespace) -> int:
    from eval.runner import run_cli

    return run_cli(args, _settings(args))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qa",
        description="Answer questions about policy documents with verbatim quotes and the sources' own footnotes.",
        epilog="Settings also come from QA_* environment variables; see README.md.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, handler) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--corpus", type=Path, help="folder of documents (default: QA_CORPUS_DIR or ./corpus)")
        sub.add_argument("--index", type=Path, help="index folder (default: QA_INDEX_DIR or ./.qa-index)")
        sub.set_defaults(handler=handler)
        return sub

    index = add("index", "Parse the corpus folder and build the passage index (skipped when up to date).", cmd_index)
    index.add_argument("--force", action="store_true", help="rebuild even if the index is up to date")

    add_cmd = add("add", "Copy documents into the corpus folder and re-index (only new text is embedded).", cmd_add)
    add_cmd.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files to add (.txt .md .html .htm .pdf)")
    add_cmd.add_argument("--server", metavar="URL", help="add to a running server instead (token from QA_ADMIN_TOKEN)")

    remove = add("remove", "Remove the file holding a document from the corpus folder and re-index.", cmd_remove)
    remove.add_argument("doc_id", metavar="DOC_ID", help="a document id, as in answers and /api/documents/{id}")
    remove.add_argument("--server", metavar="URL", help="remove on a running server (token from QA_ADMIN_TOKEN)")

    ask = add("ask", "Answer one question from the indexed documents.", cmd_ask)
    ask.add_argument("question", help="the question, in plain words (quote it in the shell)")
    ask.add_argument("-k", type=int, default=None, help="sources to quote, 1-10 (default: QA_TOP_K, 3)")
    ask.add_argument("--json", action="store_true", help="print the answer as the API's JSON")
    ask.add_argument("--retriever", choices=RETRIEVERS, help="how passages are ranked (default: QA_RETRIEVER, dense)")

    serve = add("serve", "Serve the web form and the JSON API.", cmd_serve)
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default 8000)")
    serve.add_argument("--workers", type=int, default=1, help="server processes, each with its own model (default 1)")

    evaluate = add("eval", "Measure retrieval, quoting, footnotes and abstention on the eval set.", cmd_eval)
    evaluate.add_argument(
        "--set", dest="question_set", type=Path, help="questions file (default: eval/questions.jsonl)"
    )
    evaluate.add_argument("--k", type=int, default=3, help="sources per answer (default 3)")
    evaluate.add_argument(
        "--split", choices=("dev", "test", "all"), default="all", help="which questions (default all)"
    )
    evaluate.add_argument("--json", dest="json_out", type=Path, help="also write the figures to this JSON file")
    evaluate.add_argument(
        "--retriever", choices=RETRIEVERS, help="retriever the main table measures (default: QA_RETRIEVER, dense)"
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
        "--plot", type=Path, default=Path("docs/abstention-sweep.png"), help="where --sweep writes its PNG"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (QAError, EvalSetError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ValidationError as error:
        print(f"error: invalid setting: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
