"""The learner's own workspace: a copy of the lessons that course updates merge into, never over.

Learners never work in the course source (a course update would meet their edits). `sync(source, target)`
copies the lessons into the workspace and, on every later start, applies a course update with the rules of
nbgitpuller (the tool JupyterHub deployments use for this), file by file:

- a lesson that is new in the course appears;
- a lesson the learner did not change is replaced by the new version;
- a lesson the learner deleted comes back (nbgitpuller restores deleted files too);
- a lesson the learner changed is kept as it is; when the course changed it as well, the new version is
  placed beside it (`<lesson>.nieuwe-versie.ipynb`, with a note at the top) and `BIJGEWERKT.md` says so;
- a lesson removed from the course disappears, unless the learner changed it.

nbgitpuller itself is not used: it needs the course as a git repository and merges line by line
(`git merge -Xours`), which can splice two versions of a notebook's JSON into one the learner never wrote.
Here a notebook is one unit. "Changed" means its cells' sources changed: running cells (outputs, execution
counts) is not a change worth keeping a stale lesson for. The fingerprint of every file placed is kept in
`.datavaardig/cursus.json` inside the workspace.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = ["BESIDE_SUFFIX", "MANIFEST", "NOTES", "SyncReport", "course_files", "fingerprint", "sync"]

MANIFEST = Path(".datavaardig") / "cursus.json"
NOTES = "BIJGEWERKT.md"
BESIDE_SUFFIX = ".nieuwe-versie"
# What a learner works with: notebooks and the Markdown beside them (course.yml is for the tools).
COPIED = ("*.ipynb", "*.md", "*/*.ipynb", "*/*.md")


@dataclass
class SyncReport:
    """What one sync did, as workspace-relative paths (for the start message and the tests)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # the learner's version kept; the new one placed beside
    beside: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any((self.added, self.updated, self.restored, self.kept, self.removed))


def course_files(source: Path) -> list[str]:
    """Relative paths of the files a learner gets, hidden folders (checkpoints) left out."""
    found = set()
    for pattern in COPIED:
        for path in source.glob(pattern):
            rel = path.relative_to(source)
            if path.is_file() and not any(part.startswith(".") for part in rel.parts):
                found.add(rel.as_posix())
    return sorted(found)


def fingerprint(path: Path) -> str:
    """A notebook's cell types and sources (not outputs, counts or metadata); any other file's bytes."""
    data = path.read_bytes()
    if path.suffix == ".ipynb":
        try:
            cells = json.loads(data).get("cells", [])
            essence = [(c.get("cell_type"), _text(c.get("source", ""))) for c in cells]
            data = json.dumps(essence, ensure_ascii=False).encode()
        except (ValueError, AttributeError):
            pass  # not a readable notebook: compare its bytes
    return hashlib.sha256(data).hexdigest()


def _text(source) -> str:
    return "".join(source) if isinstance(source, list) else str(source)


def _load_manifest(target: Path) -> dict[str, str]:
    try:
        return dict(json.loads((target / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _save_manifest(target: Path, files: dict[str, str]) -> None:
    path = target / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, json.dumps({"files": dict(sorted(files.items()))}, indent=1).encode())


def _atomic_write(path: Path, data: bytes) -> None:
    # Write then rename: a server killed mid-sync never leaves half a lesson.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def _with_note(data: bytes, own: str, today: str) -> bytes:
    """The new version of a lesson, opened by a note that says where the learner's own version is."""
    try:
        notebook = json.loads(data)
    except ValueError:
        return data
    note = {
        "cell_type": "markdown",
        "metadata": {"tags": ["nieuwe-versie"]},
        "source": (
            f"**Nieuwe versie van deze les** (cursus bijgewerkt op {today}).\n\n"
            f"Jouw eigen versie, met je antwoorden, staat ongewijzigd in `{own}`. "
            "Werk verder waar je wilt; je voortgang blijft bewaard."
        ),
    }
    if notebook.get("nbformat", 4) >= 4 and notebook.get("nbformat_minor", 0) >= 5:
        note["id"] = "nieuwe-versie-melding"
    notebook["cells"] = [note, *notebook.get("cells", [])]
    return (json.dumps(notebook, ensure_ascii=False, indent=1) + "\n").encode()


def _is_beside(rel: str) -> bool:
    return re.search(rf"{re.escape(BESIDE_SUFFIX)}(-\d+)?\.[a-z]+$", rel) is not None


def _beside_name(rel: str) -> str:
    path = Path(rel)
    return path.with_name(f"{path.stem}{BESIDE_SUFFIX}{path.suffix}").as_posix()


def _note(target: Path, lines: list[str], today: str) -> None:
    path = target / NOTES
    old = path.read_text(encoding="utf-8") if path.is_file() else "# Bijgewerkte lessen\n"
    _atomic_write(path, (old.rstrip("\n") + f"\n\n## {today}\n\n" + "\n".join(lines) + "\n").encode())


def sync(source: Path, target: Path, today: str | None = None) -> SyncReport:
    """Bring the course in `source` into the workspace `target` without ever overwriting the learner's work."""
    today = today or date.today().isoformat()
    target.mkdir(parents=True, exist_ok=True)
    placed = _load_manifest(target)
    report, notes = SyncReport(), []
    wanted = course_files(source)
    for rel in wanted:
        src, dest = source / rel, target / rel
        new = fingerprint(src)
        before = placed.get(rel)
        if not dest.exists():
            _copy(src, dest)
            (report.restored if before else report.added).append(rel)
            placed[rel] = new
            continue
        current = fingerprint(dest)
        if current == new:
            placed[rel] = new
        elif before is not None and current == before:
            _atomic_write(dest, src.read_bytes())  # untouched by the learner: take the new version
            report.updated.append(rel)
            placed[rel] = new
        elif before != new:
            # The learner's own work (or their own file of that name) meets a new version: keep theirs.
            beside = _place_beside(src, target, rel, placed, today)
            report.kept.append(rel)
            report.beside.append(beside)
            notes.append(
                f"- `{rel}`: jouw versie is bewaard; de nieuwe versie van de cursus staat ernaast in `{beside}`."
            )
            placed[rel] = new
    for rel in sorted(set(placed) - set(wanted)):
        dest = target / rel
        if _is_beside(rel):
            continue  # a new version placed beside the learner's own: theirs to keep or delete
        if dest.is_file() and fingerprint(dest) == placed[rel]:
            dest.unlink()
            report.removed.append(rel)
        del placed[rel]
    if notes:
        _note(target, notes, today)
    _save_manifest(target, placed)
    return report


def _copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)


def _place_beside(src: Path, target: Path, rel: str, placed: dict[str, str], today: str) -> str:
    """Write the new version next to the learner's lesson; a beside copy they edited is kept too."""
    base = _beside_name(rel)
    candidate, n = base, 1
    while (target / candidate).exists() and placed.get(candidate) != fingerprint(target / candidate):
        n += 1  # they worked in an earlier new version as well: leave that one alone
        stem = Path(base)
        candidate = stem.with_name(f"{stem.stem}-{n}{stem.suffix}").as_posix()
    data = _with_note(src.read_bytes(), Path(rel).name, today)
    _atomic_write(target / candidate, data)
    placed[candidate] = fingerprint(target / candidate)
    return candidate
