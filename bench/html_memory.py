"""The memory an HTML page's parse takes at its peak, per byte of the page: what `qa.formats.html.MEMORY_PER_BYTE`
must cover so that a page too large for the parse memory limit is refused before its cost.

    python -m bench.html_memory [--megabytes 5] page.html ...

Each page is made `--megabytes` large by repeating its body (real markup, at the size where the fixed costs no
longer count), and parsed in a fresh process; the growth of its address space (what the limit caps) and of its
resident memory over the process's before the parse are reported as multiples of the page's size.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

_BODY_RE = re.compile(rb"<body[^>]*>", re.IGNORECASE)


def enlarged(page: bytes, megabytes: float) -> bytes:
    """The page with its body repeated until it is about `megabytes` large."""
    opening = _BODY_RE.search(page)
    start = opening.end() if opening else 0
    end = page.lower().rfind(b"</body>")
    body = page[start : end if end > start else len(page)]
    return page[:start] + body * max(1, round(megabytes * 1e6 / max(len(body), 1))) + b"</body></html>"


def _status(key: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith(key))


def measure(path: Path, megabytes: float) -> dict[str, float]:
    """In this process: the page's size and its parse's peak growth of address space and resident memory."""
    from qa.formats.html import parse

    data = enlarged(path.read_bytes(), megabytes)
    parse(b"<html><body><p>warm up</p></body></html>", "warm-up.html")
    address_space, resident = _status("VmSize"), _status("VmRSS")
    parse(data, path.name)
    grown = (_status("VmPeak") - address_space, _status("VmHWM") - resident)
    return {
        "bytes": len(data),
        "address_space_per_byte": grown[0] / len(data),
        "resident_per_byte": grown[1] / len(data),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, nargs="+")
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # the child's part: one page, as JSON
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.pages[0], args.megabytes)))
        return 0
    for page in args.pages:
        command = [sys.executable, "-m", "bench.html_memory", "--one", "--megabytes", str(args.megabytes), str(page)]
        row = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        print(
            f"{page.name[:44]:<46}{row['bytes'] / 1e6:6.1f} MB  address space x{row['address_space_per_byte']:5.1f}"
            f"  resident x{row['resident_per_byte']:5.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
