"""One module per dataset id, each with `prepare(files) -> DataFrame`.

`files` maps each raw file name in the catalog entry to a local, sha256-verified path. A preparation
returns exactly the columns of the catalog schema, typed, with Dutch snake_case names. Shared helpers
live in `_*.py` modules; changing any of them invalidates every cached table.
"""
