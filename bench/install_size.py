"""`python -m bench.install_size`: how big each `make` install is and how long it takes, in fresh venvs.

Each install runs the Makefile's own stamp rule (so the figures are of what `make` does, not of a
copy of its commands) into a new venv in a temporary folder: the runtime that `make serve` needs,
then on top of it the dev extras of `make test`; and in a second venv the runtime, the bench extras
of `make eval`, and the dev extras `make bench` adds to them (it times the test suite). Size is the
venv folder on disk (`du -s`), time is wall clock. Packages come from this machine's pip
configuration and cache, so a first install over the network takes longer by the download.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

PROFILES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("serve-then-test", (("runtime", "make serve"), ("dev", "make test, make lint"))),
    ("eval-then-bench", (("runtime", "make serve"), ("bench", "make eval"), ("dev", "make bench"))),
)
"""Per fresh venv, the stamps built one after the other, and which `make` targets the stamps built so far serve:
each target's stamps, as the Makefile's prerequisites give them (`makefile_stamps`), are those of its row and the
rows above it in its venv."""
_STAMP_PREFIX = "$(BIN)/.installed-"
_RULE_RE = re.compile(r"^([^\s:=#][^:=]*):(?!=)[ \t]*([^\n]*)$", re.MULTILINE)


def makefile_stamps(target: str, makefile: str) -> set[str]:
    """The install stamps `make target` builds, following the Makefile's prerequisites: what it installs."""
    prerequisites = {rule.group(1).strip(): rule.group(2).split() for rule in _RULE_RE.finditer(makefile)}
    stamps: set[str] = set()
    waiting = [target]
    while waiting:
        name = waiting.pop()
        if name.startswith(_STAMP_PREFIX):
            stamps.add(name.removeprefix(_STAMP_PREFIX))
        waiting += prerequisites.get(name, [])
    return stamps


def du_mb(folder: Path) -> float:
    """Disk usage of a folder in MB, as `du -s` counts it (hard links once, blocks allocated)."""
    out = subprocess.run(["du", "-s", "--block-size=1M", str(folder)], check=True, capture_output=True, text=True)
    return float(out.stdout.split()[0])


def install(venv: Path, stamp: str) -> float:
    """Build one stamp of the Makefile into `venv`; the seconds it took."""
    started = time.perf_counter()
    subprocess.run(["make", "-C", str(ROOT), f"VENV={venv}", f"{venv}/bin/.installed-{stamp}"], check=True)
    return round(time.perf_counter() - started, 1)


def measure(workdir: Path) -> list[dict[str, object]]:
    rows = []
    for name, steps in PROFILES:
        venv = workdir / name
        total = 0.0
        for stamp, targets in steps:
            seconds = install(venv, stamp)
            total += seconds
            rows.append(
                {
                    "venv": name,
                    "stamp": stamp,
                    "for": targets,
                    "seconds": seconds,
                    "cumulative_seconds": round(total, 1),
                    "venv_mb": du_mb(venv),
                }
            )
            print(rows[-1], flush=True)
        shutil.rmtree(venv)
    return rows


def readme_table(results: dict[str, Any]) -> str:
    """The README's table of installs, from the measured results: what each `make` target adds, its venv and time.

    The runtime is shown once, as first measured; an extra's time is that of its own step, which is what it
    adds to an existing runtime (a second runtime install on a busier machine would say more about the load).
    """
    lines = ["| `make` target | installs | venv on disk | install time |", "|---|---|---|---|"]
    extras: dict[str, list[str]] = {}
    """The extras installed so far in each venv."""
    for row in results["installs"]:
        runtime = row["stamp"] == "runtime"
        installed = extras.setdefault(row["venv"], [])
        if not runtime:
            installed.append(f"`[{row['stamp']}]`")
        if runtime and row["venv"] != PROFILES[0][0]:
            continue
        targets = ", ".join(f"`{target}`" for target in row["for"].split(", "))
        adds = " + ".join(["the runtime", *installed])
        minutes = f"{row['seconds'] / 60:.0f} min" + ("" if runtime else " more")
        lines.append(f"| {targets} | {adds} | {row['venv_mb'] / 1024:.1f} GB | {minutes} |")
    load = results["machine"]["load_average_1m"]
    lines.append(f"\n(Measured on 2 cores shared with other jobs; load average {load:.0f} when the measurement ended.)")
    return "\n".join(lines)


def main() -> int:
    from bench.harness import write_results  # psutil, a bench extra: only where the measurement runs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, help="where the fresh venvs go (default: a new temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="install-size-", dir=args.workdir) as folder:
        rows = measure(Path(folder))
    path = write_results("install", {"installs": rows})
    print(readme_table(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
