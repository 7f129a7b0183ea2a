"""CBS "Gebieden in Nederland 2024" → one row per gemeente with its regions and population.

The export has 24 pairs of region code/name (Code_n/Naam_n); we keep the ones a provincial
civil servant uses most and give them Dutch names. The meaning of each pair is inferred from the
code prefixes (PV = provincie, CR = COROP, GG = GGD, VR = veiligheidsregio, AM = arbeidsmarktregio).
"""

from __future__ import annotations

from datavaardig.prepare._cbs import read_gebieden

__all__ = ["COLUMNS", "FILE", "INTEGERS", "prepare"]

FILE = "inwonertal.csv"

# CBS column → our column, in table order.
COLUMNS = {
    "Code_1": "gemeentecode",
    "Naam_2": "gemeente",
    "Code_26": "provinciecode",
    "Naam_27": "provincie",
    "Inwonertal_54": "inwoners",
    "Omgevingsadressendichtheid_55": "omgevingsadressendichtheid",
    "Code_52": "stedelijkheid",
    "Omschrijving_53": "stedelijkheid_omschrijving",
    "Code_50": "grootteklasse",
    "Omschrijving_51": "grootteklasse_omschrijving",
    "Naam_25": "landsdeel",
    "Code_8": "corop_code",
    "Naam_9": "corop_gebied",
    "Code_14": "ggd_code",
    "Naam_15": "ggd_regio",
    "Code_46": "veiligheidsregio_code",
    "Naam_47": "veiligheidsregio",
    "Code_4": "arbeidsmarktregio_code",
    "Naam_5": "arbeidsmarktregio",
}
INTEGERS = {"inwoners", "omgevingsadressendichtheid", "stedelijkheid", "grootteklasse"}


def prepare(files):
    frame = read_gebieden(files[FILE])[list(COLUMNS)].rename(columns=COLUMNS)
    for name in frame.columns:
        frame[name] = frame[name].astype("int64" if name in INTEGERS else "str")
    return frame.sort_values("gemeentecode", kind="stable").reset_index(drop=True)
