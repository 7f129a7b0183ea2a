"""`datavaardig data list|info|verify|prepare`."""

from __future__ import annotations

import sys
import textwrap

from datavaardig import cache, catalog
from datavaardig import raw as rawfiles
from datavaardig.errors import DatasetError
from datavaardig.loader import build_stale

__all__ = ["cmd_info", "cmd_list", "cmd_prepare", "cmd_verify", "register"]


def _ids(requested: list[str]) -> list[str]:
    known = catalog.load_catalog()
    for id_ in requested:
        catalog.get(id_)  # raises a Dutch "Onbekende dataset" listing what exists
    return requested or list(known)


def cmd_list(args) -> int:
    rows = [(d.id, d.status, d.title_nl) for d in catalog.load_catalog().values()]
    width = max(len(r[0]) for r in rows)
    for id_, status, title in rows:
        marker = "" if status == "primary" else f" [{status}]"
        print(f"{id_:<{width}}  {title}{marker}")
    return 0


def cmd_info(args) -> int:
    d = catalog.get(args.id)
    print(f"{d.id} — {d.title_nl}\n({d.title_en})\n")
    print(textwrap.fill(d.description, width=100), "\n")
    for label, value in [
        ("Status", d.status),
        ("Uitgever", d.publisher),
        ("Licentie", d.licence),
        ("Bronvermelding", d.attribution),
        ("Herkomst", d.origin),
        ("Periode", d.time_span),
        ("Rijen", f"{d.rows:,}".replace(",", ".")),
        ("Coördinatenstelsel", d.crs or "–"),
        ("Woordenboek", d.dictionary_path),
    ]:
        print(f"{label + ':':<20}{value}")
    print("\nKolommen:")
    name_width = max(len(col.name) for col in d.schema) + 2  # kwb_2021 has long names
    for col in d.schema:
        unit = f" [{col.unit}]" if col.unit else ""
        print(f"  {col.name:<{name_width}}{col.dtype:<22}{col.meaning}{unit}")
    print("\nRuwe bestanden:")
    for raw in d.raw:
        where = rawfiles.locate(raw)
        print(f"  {raw.path}  ({raw.size:,} bytes, sha256 {raw.sha256[:12]}…)")
        print(f"    {'aanwezig: ' + str(where) if where else 'nog niet aanwezig; download van ' + raw.url}")
    return 0


def cmd_verify(args) -> int:
    failures = 0
    for id_ in _ids(args.ids):
        d = catalog.get(id_)
        for raw in d.raw:
            try:
                path = rawfiles.fetch(d, raw, progress=sys.stderr.isatty())
                print(f"OK    {id_:<32}{path}")
            except DatasetError as exc:
                failures += 1
                print(f"FOUT  {id_:<32}{exc}", file=sys.stderr)
    if failures:
        print(f"{failures} bestand(en) ontbreken of zijn beschadigd.", file=sys.stderr)
    return 1 if failures else 0


def cmd_prepare(args) -> int:
    ids = _ids(args.ids)
    failures = build_stale(ids, force=args.force, quiet=args.quiet)
    if not args.quiet:
        print(f"Klaar: {len(ids) - failures} van {len(ids)} datasets staan klaar in {cache.table_path('x').parent}")
    return 1 if failures else 0


def register(subparsers) -> None:
    data = subparsers.add_parser("data", help="List, describe, verify and prepare the datasets.")
    sub = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="List every dataset id with its Dutch title.")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("info", help="Show a dataset's source, licence, columns and raw files.")
    p.add_argument("id", help="dataset id, e.g. aardbevingen")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("verify", help="Find or download each raw file and check its sha256.")
    p.add_argument("ids", nargs="*", help="dataset ids (default: all)")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("prepare", help="Build the cached tidy tables (what `load` reads).")
    p.add_argument("ids", nargs="*", help="dataset ids (default: all)")
    p.add_argument("--force", action="store_true", help="rebuild even when the cache is fresh")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    p.set_defaults(func=cmd_prepare)
