"""Every sentence the checking engine says to a learner, in Dutch and English, in one place.

Templates are Markdown with `str.format` fields; both languages of a key use the same fields (a test
checks it). Values from the learner are formatted by the caller (see values.describe) before they go in.
Never add a field that could carry the expected answer.
"""

from __future__ import annotations

from datavaardig import settings

__all__ = ["CATALOG", "join_items", "msg"]

CATALOG: dict[str, dict[str, str]] = {
    # -- outcomes -------------------------------------------------------------------------------
    "correct": {
        "nl": "**Goed zo!** Je antwoord klopt.",
        "en": "**Well done!** Your answer is correct.",
    },
    "incorrect": {
        "nl": "**Nog niet goed.** Probeer het nog eens, of vraag een hint met `{qname}.hint()`.",
        "en": "**Not quite right yet.** Try again, or ask for a hint with `{qname}.hint()`.",
    },
    "not_attempted_placeholder": {
        "nl": "**Nog niet geprobeerd:** vervang `____` door je antwoord.",
        "en": "**Not yet attempted:** replace `____` with your answer.",
    },
    "not_attempted_missing": {
        "nl": "**Nog niet geprobeerd:** maak eerst de variabele `{var}` aan (bijvoorbeeld `{var} = ...`) "
        "en voer die cel uit.",
        "en": "**Not yet attempted:** first create the variable `{var}` (for example `{var} = ...`) and run that cell.",
    },
    "not_bound": {
        "nl": "**Nog niet gekoppeld:** voer eerst `dv.bind(globals())` uit (na `import datavaardig as dv`), "
        "zodat de controle je variabelen kan lezen.",
        "en": "**Not connected yet:** first run `dv.bind(globals())` (after `import datavaardig as dv`) "
        "so the check can read your variables.",
    },
    "error_learner": {
        "nl": "**Je antwoord gaf een fout** (`{error}`). Dat is geen ramp: lees de foutmelding, "
        "pas je code aan en probeer het opnieuw.",
        "en": "**Your answer raised an error** (`{error}`). No problem: read the error message, "
        "change your code and try again.",
    },
    "error_internal": {
        "nl": "**De controle kon niet worden uitgevoerd** (`{error}`). Dit ligt niet aan jou: meld het aan je trainer.",
        "en": "**The check could not be run** (`{error}`). This is not your fault: please tell your trainer.",
    },
    # -- hints and solutions --------------------------------------------------------------------
    "question": {"nl": "*Vraag:* {text}", "en": "*Question:* {text}"},
    "hint": {"nl": "**Hint {n} van {total}:** {hint}", "en": "**Hint {n} of {total}:** {hint}"},
    "hint_none": {
        "nl": "Voor deze vraag is geen hint beschikbaar.",
        "en": "There is no hint for this question.",
    },
    "hint_no_more": {
        "nl": "Er zijn geen hints meer (deze vraag heeft er {total}). Bekijk een eerdere hint met "
        "`{qname}.hint(1)` of de voorbeeldoplossing met `{qname}.solution()`.",
        "en": "There are no more hints (this question has {total}). See an earlier hint with "
        "`{qname}.hint(1)` or the example solution with `{qname}.solution()`.",
    },
    "hint_out_of_range": {
        "nl": "Hint {n} bestaat niet: deze vraag heeft {total} hint(s).",
        "en": "Hint {n} does not exist: this question has {total} hint(s).",
    },
    "solution": {"nl": "**Voorbeeldoplossing:**", "en": "**Example solution:**"},
    "solution_none": {
        "nl": "Voor deze vraag is geen voorbeeldoplossing beschikbaar.",
        "en": "There is no example solution for this question.",
    },
    # -- names of kinds of values ---------------------------------------------------------------
    "type.number": {"nl": "een getal", "en": "a number"},
    "type.text": {"nl": "tekst (str)", "en": "text (str)"},
    "type.bool": {"nl": "True of False (bool)", "en": "True or False (bool)"},
    "type.none": {"nl": "None (niets)", "en": "None (nothing)"},
    "type.list": {"nl": "een lijst", "en": "a list"},
    "type.tuple": {"nl": "een tuple", "en": "a tuple"},
    "type.set": {"nl": "een verzameling (set)", "en": "a set"},
    "type.dict": {"nl": "een woordenboek (dict)", "en": "a dictionary (dict)"},
    "type.series": {"nl": "een pandas Series (één kolom)", "en": "a pandas Series (one column)"},
    "type.dataframe": {"nl": "een pandas DataFrame (tabel)", "en": "a pandas DataFrame (table)"},
    "type.function": {"nl": "een functie", "en": "a function"},
    "type.other": {"nl": "een `{name}`", "en": "a `{name}`"},
    # -- equality: numbers, text, collections ---------------------------------------------------
    "wrong_type": {
        "nl": "Je antwoord is {actual_type}, maar hier hoort {expected_type}.",
        "en": "Your answer is {actual_type}, but this needs {expected_type}.",
    },
    "tip_one_number": {
        "nl": "Tip: maak er één getal van, bijvoorbeeld met `len(...)`, `.sum()` of `.mean()`.",
        "en": "Tip: turn it into one number, for example with `len(...)`, `.sum()` or `.mean()`.",
    },
    "tip_text_to_number": {
        "nl": "Tip: laat de aanhalingstekens weg, of zet tekst om met `int(...)` of `float(...)`.",
        "en": "Tip: leave out the quotes, or convert text with `int(...)` or `float(...)`.",
    },
    "tip_one_column": {
        "nl": 'Tip: één kolom kies je met enkele blokhaken: `df["kolom"]`.',
        "en": 'Tip: pick one column with single brackets: `df["column"]`.',
    },
    "tip_keep_table": {
        "nl": 'Tip: met dubbele blokhaken houd je een tabel over: `df[["kolom"]]`.',
        "en": 'Tip: double brackets keep a table: `df[["column"]]`.',
    },
    "number_too_large": {"nl": "Je antwoord `{actual}` is te groot.", "en": "Your answer `{actual}` is too large."},
    "number_too_small": {"nl": "Je antwoord `{actual}` is te klein.", "en": "Your answer `{actual}` is too small."},
    "number_nan": {
        "nl": "Je antwoord is `nan` (geen getal): kijk of er lege waarden in je berekening zitten.",
        "en": "Your answer is `nan` (not a number): check for missing values in your calculation.",
    },
    "number_wrong": {
        "nl": "Je antwoord `{actual}` is niet het gevraagde getal.",
        "en": "Your answer `{actual}` is not the number asked for.",
    },
    "text_wrong": {
        "nl": "Je antwoord `{actual}` is niet de gevraagde tekst.",
        "en": "Your answer `{actual}` is not the text asked for.",
    },
    "text_case": {
        "nl": "Bijna: let op hoofdletters en kleine letters.",
        "en": "Almost: mind upper and lower case.",
    },
    "text_whitespace": {
        "nl": "Bijna: let op spaties aan het begin of eind.",
        "en": "Almost: mind spaces at the start or end.",
    },
    "text_rules": {
        "nl": "Regels voor tekst bij deze vraag: {case} {spaces}",
        "en": "Text rules for this question: {case} {spaces}",
    },
    "text_rule_case_counts": {"nl": "hoofdletters tellen mee;", "en": "case matters;"},
    "text_rule_case_ignored": {"nl": "hoofdletters maken niet uit;", "en": "case does not matter;"},
    "text_rule_strip": {
        "nl": "spaties aan begin en eind tellen niet mee.",
        "en": "spaces at the start and end are ignored.",
    },
    "text_rule_no_strip": {
        "nl": "spaties aan begin en eind tellen mee.",
        "en": "spaces at the start and end count.",
    },
    "length": {
        "nl": "Je antwoord heeft {actual} elementen, verwacht {expected}.",
        "en": "Your answer has {actual} items, expected {expected}.",
    },
    "seq_position": {
        "nl": "Op positie {position} (tellend vanaf 0) klopt het element niet: je hebt `{actual}`.",
        "en": "The item at position {position} (counting from 0) is not right: you have `{actual}`.",
    },
    "seq_order": {
        "nl": "De juiste elementen staan erin, maar de volgorde klopt niet.",
        "en": "The right items are there, but the order is not right.",
    },
    "collection_missing": {
        "nl": "Aantal elementen dat nog ontbreekt: {count}.",
        "en": "Number of items still missing: {count}.",
    },
    "collection_extra": {
        "nl": "Deze elementen horen er niet bij: {items}.",
        "en": "These items do not belong: {items}.",
    },
    "dict_missing_keys": {"nl": "Deze sleutels ontbreken: {keys}.", "en": "These keys are missing: {keys}."},
    "dict_extra_keys": {
        "nl": "Deze sleutels horen er niet bij: {keys}.",
        "en": "These keys do not belong: {keys}.",
    },
    "dict_value": {
        "nl": "Bij sleutel `{key}` klopt de waarde niet: je hebt `{actual}`.",
        "en": "The value for key `{key}` is not right: you have `{actual}`.",
    },
    "and_more": {"nl": "en nog {count}", "en": "and {count} more"},
    "value_wrong": {"nl": "Je antwoord `{actual}` klopt niet.", "en": "Your answer `{actual}` is not right."},
    # -- equality: pandas tables and series -----------------------------------------------------
    "frame_columns_missing": {
        "nl": "Deze kolommen ontbreken: {columns}.",
        "en": "These columns are missing: {columns}.",
    },
    "frame_columns_extra": {
        "nl": "Deze kolommen horen er niet bij: {columns}.",
        "en": "These columns do not belong: {columns}.",
    },
    "frame_column_order": {
        "nl": "De kolommen staan in een andere volgorde dan gevraagd.",
        "en": "The columns are in a different order than asked.",
    },
    "frame_rows": {
        "nl": "Je tabel heeft {actual} rijen, verwacht {expected}.",
        "en": "Your table has {actual} rows, expected {expected}.",
    },
    "series_rows": {
        "nl": "Je Series heeft {actual} waarden, verwacht {expected}.",
        "en": "Your Series has {actual} values, expected {expected}.",
    },
    "frame_key_missing": {
        "nl": "Rijen worden vergeleken op `{key}`, maar die kolom staat niet in je tabel.",
        "en": "Rows are compared on `{key}`, but that column is not in your table.",
    },
    "frame_key_duplicates": {
        "nl": "Deze waarden komen meer dan eens voor in `{key}`: {keys}.",
        "en": "These values occur more than once in `{key}`: {keys}.",
    },
    "frame_rows_missing": {
        "nl": "Deze rijen ontbreken (op `{key}`): {keys}.",
        "en": "These rows are missing (by `{key}`): {keys}.",
    },
    "frame_rows_extra": {
        "nl": "Deze rijen horen er niet bij (op `{key}`): {keys}.",
        "en": "These rows do not belong (by `{key}`): {keys}.",
    },
    "frame_row_order": {
        "nl": "De juiste rijen staan erin, maar in een andere volgorde.",
        "en": "The right rows are there, but in a different order.",
    },
    "frame_dtype": {
        "nl": "Kolom `{column}` heeft type `{actual}`, verwacht `{expected}`.",
        "en": "Column `{column}` has type `{actual}`, expected `{expected}`.",
    },
    "series_dtype": {
        "nl": "Je Series heeft type `{actual}`, verwacht `{expected}`.",
        "en": "Your Series has type `{actual}`, expected `{expected}`.",
    },
    "frame_values": {
        "nl": "In kolom `{column}` verschillen {count} waarde(n); de eerste in rij `{row}`: je hebt `{actual}`.",
        "en": "In column `{column}`, {count} value(s) differ; the first in row `{row}`: you have `{actual}`.",
    },
    "series_values": {
        "nl": "{count} waarde(n) verschillen; de eerste bij `{row}`: je hebt `{actual}`.",
        "en": "{count} value(s) differ; the first at `{row}`: you have `{actual}`.",
    },
    "frame_values_more_columns": {
        "nl": "Ook in {count} andere kolom(men) verschillen waarden.",
        "en": "Values also differ in {count} other column(s).",
    },
    "series_name": {
        "nl": "Je Series heeft niet de gevraagde naam (nu `{actual}`).",
        "en": "Your Series does not have the name asked for (now `{actual}`).",
    },
    # -- function questions ---------------------------------------------------------------------
    "function_not_callable": {
        "nl": "`{var}` is geen functie maar {actual_type}. Schrijf een functie met `def {var}(...):`.",
        "en": "`{var}` is not a function but {actual_type}. Write a function with `def {var}(...):`.",
    },
    "function_error": {
        "nl": "**Je functie gaf een fout** (`{error}`) bij `{call}`. Dat is geen ramp: lees de foutmelding, "
        "pas je functie aan en probeer het opnieuw.",
        "en": "**Your function raised an error** (`{error}`) for `{call}`. No problem: read the error "
        "message, change your function and try again.",
    },
    "function_wrong": {
        "nl": "Bij `{call}` gaf je functie `{actual}` terug; dat klopt niet.",
        "en": "For `{call}` your function returned `{actual}`; that is not right.",
    },
    "function_none": {
        "nl": "Bij `{call}` gaf je functie `{actual}` terug. Vergeet je `return`?",
        "en": "For `{call}` your function returned `{actual}`. Did you forget `return`?",
    },
    "function_correct": {
        "nl": "**Goed zo!** Je functie geeft in alle {count} testgevallen het juiste antwoord.",
        "en": "**Well done!** Your function gives the right answer in all {count} test cases.",
    },
    # -- figure questions -----------------------------------------------------------------------
    "figure_not_figure": {
        "nl": "`{var}` is geen figuur maar {actual_type}. Tip: `fig, ax = plt.subplots()` en teken op `ax`.",
        "en": "`{var}` is not a figure but {actual_type}. Tip: `fig, ax = plt.subplots()` and draw on `ax`.",
    },
    "figure_no_axes": {
        "nl": "Je figuur heeft nog geen grafiek. Teken er een, bijvoorbeeld met `ax.plot(...)`.",
        "en": "Your figure has no chart yet. Draw one, for example with `ax.plot(...)`.",
    },
    "figure_axes_index": {
        "nl": "Je figuur heeft {count} grafiek(en); de vraag gaat over grafiek {index}.",
        "en": "Your figure has {count} chart(s); the question is about chart {index}.",
    },
    "figure_empty": {
        "nl": "Je grafiek is nog leeg: er is nog niets getekend.",
        "en": "Your chart is still empty: nothing has been drawn yet.",
    },
    "figure_chart": {
        "nl": "Hier hoort een {expected}; in je grafiek zie ik: {actual}.",
        "en": "This needs a {expected}; your chart shows: {actual}.",
    },
    "chart.line": {"nl": "lijndiagram", "en": "line chart"},
    "chart.bar": {"nl": "staafdiagram (staande staven)", "en": "bar chart (vertical bars)"},
    "chart.barh": {"nl": "liggend staafdiagram", "en": "horizontal bar chart"},
    "chart.scatter": {"nl": "spreidingsdiagram (losse punten)", "en": "scatter plot (separate points)"},
    "chart.hist": {"nl": "histogram", "en": "histogram"},
    "figure_title": {
        "nl": 'Je grafiek heeft nog geen titel. Tip: `ax.set_title("...")`.',
        "en": 'Your chart has no title yet. Tip: `ax.set_title("...")`.',
    },
    "axis.x": {"nl": "x-as", "en": "x axis"},
    "axis.y": {"nl": "y-as", "en": "y axis"},
    "figure_label_missing": {
        "nl": 'De {axis} heeft nog geen label. Tip: `{setter}("...")`.',
        "en": 'The {axis} has no label yet. Tip: `{setter}("...")`.',
    },
    "figure_label_content": {
        "nl": "Het label van de {axis} (`{label}`) noemt nog niet {options}.",
        "en": "The label of the {axis} (`{label}`) does not mention {options} yet.",
    },
    "or_join": {"nl": "{items} of {last}", "en": "{items} or {last}"},
    "figure_too_few": {
        "nl": "Je grafiek toont {actual} waarden; er horen er minstens {minimum} te zijn.",
        "en": "Your chart shows {actual} values; it should show at least {minimum}.",
    },
    "figure_data_count": {
        "nl": "Je grafiek toont {actual} waarden, verwacht {expected}. Kijk of je de juiste gegevens tekent.",
        "en": "Your chart shows {actual} values, expected {expected}. Check that you plot the right data.",
    },
    "figure_data_values": {
        "nl": "De getekende waarden kloppen niet met de gevraagde gegevens (waarde {position}, tellend vanaf 0, "
        "is bij jou `{actual}`).",
        "en": "The plotted values do not match the data asked for (value {position}, counting from 0, "
        "is `{actual}` in yours).",
    },
    # -- multiple choice and reflection ---------------------------------------------------------
    "choice_invalid": {
        "nl": "`{value}` is geen geldige keuze. Kies een letter: {letters}.",
        "en": "`{value}` is not a valid choice. Pick a letter: {letters}.",
    },
    "choice_one_only": {
        "nl": "Kies één optie: één letter uit {letters}.",
        "en": "Choose one option: one letter from {letters}.",
    },
    "choice_wrong_single": {
        "nl": "Dat is niet het juiste antwoord.",
        "en": "That is not the right answer.",
    },
    "choice_chosen": {"nl": "Je koos: {option}.", "en": "You chose: {option}."},
    "choice_explanation": {"nl": "Over {letter}): {explanation}", "en": "About {letter}): {explanation}"},
    "choice_wrong": {
        "nl": "Niet juist: {letters}.",
        "en": "Not right: {letters}.",
    },
    "choice_missing": {
        "nl": "Aantal juiste opties dat je nog niet koos: {count}.",
        "en": "Number of right options you have not chosen yet: {count}.",
    },
    "correct_reflection": {
        "nl": "**Dank je!** Je hebt je antwoord opgeschreven. (Alleen dát je het deed wordt bijgehouden, "
        "niet wat je schreef.)",
        "en": "**Thank you!** You wrote down your answer. (Only *that* you did is recorded, not what you wrote.)",
    },
    "reflection_not_text": {
        "nl": "`{var}` hoort tekst te zijn (tussen aanhalingstekens), maar is {actual_type}.",
        "en": "`{var}` should be text (between quotes), but is {actual_type}.",
    },
    "reflection_short": {
        "nl": "Schrijf minstens {minimum} woorden; je hebt er nu {actual}.",
        "en": "Write at least {minimum} words; you have {actual} now.",
    },
    # -- custom questions -----------------------------------------------------------------------
    "custom_incorrect": {
        "nl": "Je antwoord voldoet nog niet aan de controle.",
        "en": "Your answer does not pass the check yet.",
    },
}


def msg(key: str, /, **fields) -> str:
    """The template for `key` in the learner's language, filled in."""
    entry = CATALOG[key]
    template = entry.get(settings.language()) or entry["nl"]
    return template.format(**fields)


def join_items(items: list[str], limit: int = 5, total: int | None = None) -> str:
    """`'a'`, `'b'` en nog 3 — names shown as code, the tail counted, never listed in full.

    `total` is the full count when the caller only rendered the first few items (large tables).
    """
    total = len(items) if total is None else total
    shown = ", ".join(f"`{item}`" for item in items[:limit])
    if total > limit:
        shown += " " + msg("and_more", count=total - limit)
    return shown
