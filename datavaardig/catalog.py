"""The dataset catalog: `datasets/catalog.yml` read into small typed records.

The catalog knows raw files (where they come from, their sha256) and the tidy schema; it knows nothing
of courses or lessons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

from datavaardig.errors import DatavaardigError

__all__ = ["catalog_dir", "Column", "Dataset", "get", "load_catalog", "RawFile", "UnknownDataset"]


@dataclass(frozen=True)
class RawFile:
    path: str  # relative to the mirror folder: "<folder>/<file name>"
    sha256: str
    size: int  # bytes
    url: str  # public download address

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    meaning: str
    unit: str | None = None


@dataclass(frozen=True)
class Dataset:
    id: str
    title_nl: str
    title_en: str
    description: str
    status: str  # primary | secondary | derived | uncertain
    publisher: str
    licence: str
    attribution: str
    origin: str
    time_span: str
    kind: str  # table | geo
    rows: int
    raw: tuple[RawFile, ...]
    schema: tuple[Column, ...]
    crs: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def dictionary_path(self) -> Path:
        return catalog_dir() / f"{self.id}.md"

    def column(self, name: str) -> Column:
        for col in self.schema:
            if col.name == name:
                return col
        raise KeyError(name)


class UnknownDataset(DatavaardigError, KeyError):
    def __str__(self) -> str:
        known = ", ".join(sorted(load_catalog()))
        return f"Onbekende dataset {self.args[0]!r}. Beschikbaar: {known}. (`datavaardig data list`)"


def catalog_dir() -> Path:
    """datasets/ of the checkout (editable install), or the copy shipped in the wheel."""
    shipped = Path(str(files("datavaardig"))) / "_catalog"
    if (shipped / "catalog.yml").is_file():
        return shipped
    return Path(__file__).resolve().parent.parent / "datasets"


def _dataset(id_: str, entry: dict) -> Dataset:
    return Dataset(
        id=id_,
        title_nl=entry["title"]["nl"],
        title_en=entry["title"]["en"],
        description=entry["description"].strip(),
        status=entry["status"],
        publisher=entry["publisher"],
        licence=entry["licence"],
        attribution=entry["attribution"],
        origin=entry["origin"],
        time_span=str(entry["time_span"]),
        kind=entry.get("kind", "table"),
        rows=int(entry["rows"]),
        crs=entry.get("crs"),
        raw=tuple(RawFile(**raw) for raw in entry["raw"]),
        schema=tuple(Column(**col) for col in entry["schema"]),
        notes=tuple(entry.get("notes", ())),
    )


@lru_cache(maxsize=1)
def load_catalog() -> dict[str, Dataset]:
    with open(catalog_dir() / "catalog.yml", encoding="utf-8") as fh:
        document = yaml.safe_load(fh)
    return {id_: _dataset(id_, entry) for id_, entry in document["datasets"].items()}


def get(id_: str) -> Dataset:
    try:
        return load_catalog()[id_]
    except KeyError:
        raise UnknownDataset(id_) from None
