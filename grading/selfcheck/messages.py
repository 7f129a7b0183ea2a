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
    "type.array": {"nl": "een reeks waarden (array)", "en": "an array of values"},
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
    "tip_decimal_comma": {
        "nl": "Tip: schrijf een kommagetal met een punt in plaats van een komma; met een komma maak je twee getallen.",
        "en": "Tip: write a decimal with a point instead of a comma; a comma makes two numbers.",
    },
    "tip_to_list": {
        "nl": "Tip: maak er een gewone lijst van met `.tolist()`.",
        "en": "Tip: turn it into a plain list with `.tolist()`.",
    },
    "tip_keep_labels": {
        "nl": "Tip: de labels (de index) horen bij het antwoord: laat `.values`, `.tolist()` of `list(...)` weg.",
        "en": "Tip: the labels (the index) are part of the answer: leave out `.values`, `.tolist()` or `list(...)`.",
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
    "number_rounded": {
        "nl": "Je antwoord `{actual}` lijkt afgerond, maar de vraag vraagt het getal zonder afronden.",
        "en": "Your answer `{actual}` looks rounded, but the question asks for the number without rounding.",
    },
    "number_rounded_decimals": {
        "nl": "Je antwoord `{actual}` is verder afgerond dan gevraagd: rond af op {decimals}.",
        "en": "Your answer `{actual}` is rounded further than asked: round to {decimals}.",
    },
    "decimals.one": {"nl": "{n} decimaal", "en": "{n} decimal"},
    "decimals.many": {"nl": "{n} decimalen", "en": "{n} decimals"},
    "number_fraction": {
        "nl": "Je antwoord `{actual}` lijkt een deel (tussen 0 en 1), geen percentage: een percentage is het "
        "deel keer 100.",
        "en": "Your answer `{actual}` looks like a share (between 0 and 1), not a percentage: a percentage is "
        "the share times 100.",
    },
    "number_not_whole": {
        "nl": "Je antwoord `{actual}` is geen geheel getal, maar hier wordt een aantal of een jaartal gevraagd. "
        "Kijk of je de juiste kolom en de juiste berekening gebruikt.",
        "en": "Your answer `{actual}` is not a whole number, but a count or a year is asked for here. "
        "Check that you use the right column and the right calculation.",
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
    "seq_order": {
        "nl": "De juiste elementen staan erin, maar niet in de volgorde die de vraag vraagt.",
        "en": "The right items are there, but not in the order the question asks for.",
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
    "frame_rows_missing_count": {
        "nl": "Van de {total} gevraagde rijen ontbreken er {count} (op `{key}`): kijk of je de juiste rijen kiest.",
        "en": "Of the {total} rows asked for, {count} are missing (by `{key}`): check that you pick the right rows.",
    },
    "frame_rows_extra": {
        "nl": "Deze rijen horen er niet bij (op `{key}`): {keys}.",
        "en": "These rows do not belong (by `{key}`): {keys}.",
    },
    "frame_row_order": {
        "nl": "De juiste rijen staan erin, maar niet in de volgorde die de vraag vraagt.",
        "en": "The right rows are there, but not in the order the question asks for.",
    },
    "series_index_lost": {
        "nl": "Je Series heeft als labels de rijnummers 0, 1, 2, …, maar hier horen de labels bij het antwoord. "
        "Tip: laat `.reset_index(drop=True)`, `.values` of `.tolist()` weg.",
        "en": "Your Series is labelled with row numbers 0, 1, 2, …, but here the labels are part of the answer. "
        "Tip: leave out `.reset_index(drop=True)`, `.values` or `.tolist()`.",
    },
    "frame_index_lost": {
        "nl": "Je tabel heeft als rijlabels de nummers 0, 1, 2, …, maar hier horen de labels bij het antwoord. "
        "Tip: laat `.reset_index(drop=True)` weg.",
        "en": "Your table is labelled with numbers 0, 1, 2, …, but here the labels are part of the answer. "
        "Tip: leave out `.reset_index(drop=True)`.",
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
    "figure_data_wrong": {
        "nl": "De getekende waarden kloppen niet met de gevraagde gegevens. Kijk of je de juiste kolom en tabel "
        "tekent.",
        "en": "The plotted values do not match the data asked for. Check that you plot the right column and table.",
    },
    "figure_value_unexpected": {
        "nl": "Je grafiek toont de waarde `{actual}`, die niet in de gevraagde gegevens voorkomt. Kijk of je de "
        "juiste kolom en tabel tekent.",
        "en": "Your chart shows the value `{actual}`, which does not occur in the data asked for. Check that you "
        "plot the right column and table.",
    },
    "figure_line_zigzag": {
        "nl": "Je lijn loopt heen en weer: de tabel staat niet op volgorde van de x-as. Sorteer hem eerst, "
        'bijvoorbeeld met `.sort_values("datum")`.',
        "en": "Your line runs back and forth: the table is not in the order of the x axis. Sort it first, "
        'for example with `.sort_values("datum")`.',
    },
    "figure_order": {
        "nl": "De juiste waarden staan in je grafiek, maar niet in de volgorde die de vraag vraagt. Liggende "
        "staven lees je van boven naar beneden; `barh` tekent de eerste rij onderaan.",
        "en": "The right values are in your chart, but not in the order the question asks for. Horizontal "
        "bars read from top to bottom; `barh` draws the first row at the bottom.",
    },
    "figure_categories_missing": {
        "nl": "Ik vind in je grafiek geen staaf voor {labels}. Kijk of je de juiste tabel tekent.",
        "en": "I find no bar for {labels} in your chart. Check that you plot the right table.",
    },
    "figure_category_value": {
        "nl": "De staaf bij `{label}` toont niet de gevraagde waarde (bij jou `{actual}`). Kijk of namen en "
        "getallen uit dezelfde tabel komen.",
        "en": "The bar for `{label}` does not show the value asked for (yours: `{actual}`). Check that names "
        "and numbers come from the same table.",
    },
    "figure_axes_swapped": {
        "nl": "Je hebt x en y omgewisseld: het eerste getal in `scatter(x, y)` komt op de x-as.",
        "en": "You swapped x and y: the first argument of `scatter(x, y)` goes on the x axis.",
    },
    "figure_points_wrong": {
        "nl": "De punten liggen niet op de gevraagde plekken. Kijk welke kolommen je op de x-as en de y-as zet.",
        "en": "The points are not where the question asks. Check which columns you put on the x and y axis.",
    },
    "figure_marker": {
        "nl": 'Zet een punt op elk meetpunt van de lijn, met `marker="o"`.',
        "en": 'Put a point on every value of the line, with `marker="o"`.',
    },
    "figure_transparent": {
        "nl": "Maak de punten doorzichtig met `alpha=` (kleiner dan 1), zodat je ziet waar ze over elkaar liggen.",
        "en": "Make the points see-through with `alpha=` (below 1), so overlapping points show.",
    },
    "figure_points_large": {
        "nl": "Maak de punten kleiner met `s=` (bijvoorbeeld `s=10`).",
        "en": "Make the points smaller with `s=` (for example `s=10`).",
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
    "self_review": {
        "nl": "**Zelf nakijken:** je antwoord noemt wat de vraag vraagt. Of het ook klopt, kan een controle niet "
        "beoordelen: vergelijk het met het voorbeeldantwoord hieronder. (Alleen dát je het deed wordt "
        "bijgehouden, niet wat je schreef.)",
        "en": "**Check it yourself:** your answer names what the question asks for. Whether it is true, a check "
        "cannot judge: compare it with the model answer below. (Only *that* you did is recorded, not what "
        "you wrote.)",
    },
    "self_review_no_model": {
        "nl": "**Zelf nakijken:** je antwoord noemt wat de vraag vraagt. Of het ook klopt, kan een controle niet "
        "beoordelen: lees het nog eens na of bespreek het met je trainer. (Alleen dát je het deed wordt "
        "bijgehouden, niet wat je schreef.)",
        "en": "**Check it yourself:** your answer names what the question asks for. Whether it is true, a check "
        "cannot judge: read it again or discuss it with your trainer. (Only *that* you did is recorded, "
        "not what you wrote.)",
    },
    "free_text_missing": {
        "nl": "Je antwoord noemt nog niet: {concepts}.",
        "en": "Your answer does not mention yet: {concepts}.",
    },
    "reflection_not_text": {
        "nl": "`{var}` hoort tekst te zijn (tussen aanhalingstekens), maar is {actual_type}.",
        "en": "`{var}` should be text (between quotes), but is {actual_type}.",
    },
    "reflection_short": {
        "nl": "Schrijf minstens {minimum} woorden; je hebt er nu {actual}.",
        "en": "Write at least {minimum} words; you have {actual} now.",
    },
    # -- explanations of beginners' errors (explain_errors.py), shown under the error ---------------
    "explain.title": {"nl": "Wat betekent deze foutmelding?", "en": "What does this error mean?"},
    "explain.traceback": {
        "nl": "De volledige foutmelding van Python (traceback)",
        "en": "Python's full error message (traceback)",
    },
    "explain.and_or": {
        "nl": "`and`, `or` en `not` werken niet op een hele kolom. Combineer voorwaarden met `&` (en), `|` (of) "
        'of `~` (niet), met haakjes om elke voorwaarde: `df[(df["a"] > 1) & (df["b"] < 5)]`.',
        "en": "`and`, `or` and `not` do not work on a whole column. Combine conditions with `&` (and), `|` (or) "
        'or `~` (not), with brackets around each condition: `df[(df["a"] > 1) & (df["b"] < 5)]`.',
    },
    "explain.columns_tuple": {
        "nl": "Voor meer kolommen tegelijk heb je dubbele blokhaken nodig: een lijst van namen binnen de "
        "blokhaken, `df[[{columns}]]`.",
        "en": "For several columns at once you need double brackets: a list of names inside the brackets, "
        "`df[[{columns}]]`.",
    },
    "explain.column_suggest": {
        "nl": "De tabel heeft geen kolom `{name}`. Bedoel je `{suggestion}`? Let op de schrijfwijze: hoofdletters "
        "en spaties tellen mee.",
        "en": "The table has no column `{name}`. Did you mean `{suggestion}`? Mind the spelling: capitals and "
        "spaces count.",
    },
    "explain.column": {
        "nl": "De tabel heeft geen kolom `{name}`. De kolommen zijn: {columns}. Kopieer de naam precies, "
        "tussen aanhalingstekens.",
        "en": "The table has no column `{name}`. Its columns are: {columns}. Copy the name exactly, in quotes.",
    },
    "explain.row_label": {
        "nl": "Er is geen rij met label `{name}`. `.loc` zoekt op het label in de index; wil je de rij op een "
        "plaats (de eerste, de tweede), gebruik dan `.iloc`.",
        "en": "There is no row labelled `{name}`. `.loc` looks up the label in the index; for a row by position "
        "(the first, the second) use `.iloc`.",
    },
    "explain.key_suggest": {
        "nl": "De sleutel `{name}` bestaat niet. Bedoel je `{suggestion}`? Met `in` kijk je eerst of een sleutel "
        "bestaat.",
        "en": "The key `{name}` does not exist. Did you mean `{suggestion}`? Use `in` to check first whether a "
        "key exists.",
    },
    "explain.key": {
        "nl": "De sleutel `{name}` bestaat niet in dit woordenboek of deze tabel. Controleer de schrijfwijze; met "
        "`in` kijk je of een sleutel bestaat.",
        "en": "The key `{name}` does not exist in this dictionary or table. Check the spelling; use `in` to see "
        "whether a key exists.",
    },
    "explain.chained_assignment": {
        "nl": "Deze regel verandert je tabel **niet**: twee keer blokhaken na elkaar (`df[...][...] = ...`) "
        'schrijft in een tussenresultaat. Doe het in één stap met `.loc`: `df.loc[rijen, "kolom"] = waarde`.',
        "en": "This line does **not** change your table: two pairs of brackets in a row (`df[...][...] = ...`) "
        'write into an intermediate result. Do it in one step with `.loc`: `df.loc[rows, "column"] = value`.',
    },
    "explain.dt_accessor": {
        "nl": "`.dt` werkt alleen op een kolom met tijdstippen. Kijk met `df.dtypes` welk type deze kolom heeft, "
        "en of je de juiste kolom koos.",
        "en": "`.dt` only works on a column of timestamps. Check the type of this column with `df.dtypes`, and "
        "whether you chose the right column.",
    },
    "explain.series_date_part": {
        "nl": 'Bij een hele kolom met tijdstippen staat `.dt` ervoor: `df["tijdstip"].dt.{part}`. Zonder `.dt` '
        "werkt `.{part}` alleen bij één tijdstip.",
        "en": 'For a whole column of timestamps put `.dt` in front: `df["tijdstip"].dt.{part}`. Without `.dt`, '
        "`.{part}` only works on a single timestamp.",
    },
    "explain.attribute_column": {
        "nl": 'De tabel heeft geen kolom of methode `{name}`. Bedoel je de kolom `{suggestion}`? Schrijf dan `df["{suggestion}"]`.',
        "en": 'The table has no column or method `{name}`. Did you mean the column `{suggestion}`? Then write `df["{suggestion}"]`.',
    },
    "explain.attribute_table": {
        "nl": "Een {kind} heeft geen kolom of methode `{name}`. Controleer de schrijfwijze; een kolom kies je met "
        'blokhaken en aanhalingstekens: `df["kolom"]`.',
        "en": "A {kind} has no column or method `{name}`. Check the spelling; pick a column with brackets and "
        'quotes: `df["column"]`.',
    },
    "explain.list_method": {
        "nl": "Een lijst heeft geen `.{name}()`. Gebruik de functies `sum(...)`, `max(...)`, `min(...)` en "
        "`len(...)`; het gemiddelde is `sum(lijst) / len(lijst)`.",
        "en": "A list has no `.{name}()`. Use the functions `sum(...)`, `max(...)`, `min(...)` and `len(...)`; "
        "the mean is `sum(list) / len(list)`.",
    },
    "explain.text_column": {
        "nl": "Je rekent met een kolom met tekst. Kies een kolom met getallen; welke dat zijn zie je met `df.dtypes`.",
        "en": "You are calculating with a column of text. Pick a column of numbers; `df.dtypes` shows which they are.",
    },
    "explain.compare_time": {
        "nl": "Een kolom met tijdstippen vergelijk je niet met een getal. Gebruik het jaar "
        '(`df["tijdstip"].dt.year == 2018`) of een datum als tekst (`df["tijdstip"] >= "2018-01-01"`).',
        "en": "A column of timestamps cannot be compared with a number. Use the year "
        '(`df["tijdstip"].dt.year == 2018`) or a date as text (`df["tijdstip"] >= "2018-01-01"`).',
    },
    "explain.compare_kinds": {
        "nl": "Je vergelijkt tekst met een getal. Staat het getal tussen aanhalingstekens, haal die dan weg; of "
        "kijk met `df.dtypes` of de kolom wel getallen bevat.",
        "en": "You are comparing text with a number. If the number is in quotes, remove them; or check with "
        "`df.dtypes` whether the column holds numbers.",
    },
    "explain.float_comma": {
        "nl": 'Python schrijft kommagetallen met een punt. Vervang eerst de komma: `float(tekst.replace(",", "."))`.',
        "en": 'Python writes decimals with a point. Replace the comma first: `float(text.replace(",", "."))`.',
    },
    "explain.float_text": {
        "nl": "`float(...)` maakt alleen van tekst met een getal een kommagetal; `{text}` is geen getal.",
        "en": "`float(...)` only turns text holding a number into a decimal; `{text}` is not a number.",
    },
    "explain.int_decimal": {
        "nl": "`int(...)` maakt alleen van een heel getal een getal; `{text}` heeft een punt of komma. Voor een "
        "kommagetal gebruik je `float(...)`; een punt tussen duizendtallen haal je eerst weg.",
        "en": "`int(...)` only converts a whole number; `{text}` has a point or comma. For a decimal use "
        "`float(...)`; remove a thousands separator first.",
    },
    "explain.int_text": {
        "nl": "`int(...)` maakt alleen van tekst met een heel getal een getal; `{text}` is geen heel getal.",
        "en": "`int(...)` only converts text holding a whole number; `{text}` is not a whole number.",
    },
    "explain.index_range": {
        "nl": "Die plek bestaat niet: er zijn minder waarden. Python telt vanaf 0, dus bij 5 waarden is de laatste "
        "`[4]`, of korter `[-1]`.",
        "en": "That position does not exist: there are fewer values. Python counts from 0, so with 5 values the "
        "last is `[4]`, or shorter `[-1]`.",
    },
    "explain.name_column": {
        "nl": "Python kent geen variabele `{name}`, maar je tabel heeft een kolom met die naam. Zet een kolomnaam "
        'tussen aanhalingstekens: `df["{name}"]`.',
        "en": "Python knows no variable `{name}`, but your table has a column of that name. Put a column name in "
        'quotes: `df["{name}"]`.',
    },
    "explain.name_suggest": {
        "nl": "Python kent de naam `{name}` niet. Bedoel je `{suggestion}`? Hoofdletters en lage streepjes tellen mee.",
        "en": "Python does not know the name `{name}`. Did you mean `{suggestion}`? Capitals and underscores count.",
    },
    "explain.name": {
        "nl": "Python kent de naam `{name}` (nog) niet. Voer eerst de cel uit waarin `{name}` wordt gemaakt (na een "
        "herstart van de kernel is alles weg), en controleer de schrijfwijze. Is het tekst, zet het dan tussen "
        "aanhalingstekens.",
        "en": "Python does not know the name `{name}` (yet). First run the cell that creates `{name}` (after a "
        "kernel restart everything is gone), and check the spelling. If it is text, put it in quotes.",
    },
    "explain.text_plus_number": {
        "nl": 'Je plakt tekst en een getal aan elkaar. Zet het getal in de tekst met een f-string: `f"... {{getal}} ..."`, '
        "of maak eerst tekst van het getal met `str(...)`.",
        "en": 'You are joining text and a number. Put the number into the text with an f-string: `f"... {{number}} ..."`, '
        "or make text of the number first with `str(...)`.",
    },
    "explain.calculate_with_text": {
        "nl": "Je rekent met tekst: een van de waarden staat tussen aanhalingstekens. Maak er eerst een getal van met "
        "`int(...)` of `float(...)`.",
        "en": "You are calculating with text: one of the values is in quotes. Make it a number first with "
        "`int(...)` or `float(...)`.",
    },
    "explain.none_value": {
        "nl": "Een van de waarden is `None` (niets). Meestal komt dat van een functie zonder `return`, of van het "
        "bewaren van wat `print(...)` teruggeeft.",
        "en": "One of the values is `None` (nothing). Usually it comes from a function without `return`, or from "
        "keeping what `print(...)` returns.",
    },
    "explain.table_not_callable": {
        "nl": 'Een tabel of kolom gebruik je met blokhaken, niet met ronde haakjes: `df["kolom"]`, niet `df("kolom")`.',
        "en": 'Use a table or column with square brackets, not round ones: `df["column"]`, not `df("column")`.',
    },
    "explain.shadowed_function": {
        "nl": "Je hebt de naam `{name}` zelf als variabele gebruikt; daardoor is de functie `{name}` weg. Kies een "
        "andere naam, en haal de oude weg met `del {name}` (of herstart de kernel).",
        "en": "You used the name `{name}` for a variable of your own, so the function `{name}` is gone. Choose "
        "another name, and remove the old one with `del {name}` (or restart the kernel).",
    },
    "explain.not_callable": {
        "nl": "Achter een `{kind}` staan ronde haakjes, alsof het een functie is. Mis je een rekenteken, zoals `*` "
        "tussen een getal en haakjes?",
        "en": "A `{kind}` is followed by round brackets, as if it were a function. Are you missing an operator, "
        "such as `*` between a number and brackets?",
    },
    "explain.argument_missing": {
        "nl": "Je roept de functie aan met te weinig waarden: {names} ontbreekt. Geef tussen de haakjes evenveel "
        "waarden mee als de functie parameters heeft.",
        "en": "You call the function with too few values: {names} is missing. Give as many values between the "
        "brackets as the function has parameters.",
    },
    "explain.argument_extra": {
        "nl": "Je roept de functie aan met meer waarden dan hij parameters heeft. Tel de waarden tussen de haakjes.",
        "en": "You call the function with more values than it has parameters. Count the values between the brackets.",
    },
    "explain.zero_division": {
        "nl": "Je deelt door nul. Kijk waardoor je deelt: houdt je filter wel rijen over (dan is `len(...)` niet 0)?",
        "en": "You divide by zero. Check what you divide by: does your filter keep any rows (so `len(...)` is not 0)?",
    },
    "explain.module": {
        "nl": "Python vindt het pakket `{name}` niet. Controleer de schrijfwijze, bijvoorbeeld `import matplotlib.pyplot as plt`.",
        "en": "Python cannot find the package `{name}`. Check the spelling, for example `import matplotlib.pyplot as plt`.",
    },
    "explain.plot_lengths": {
        "nl": "x en y hebben niet evenveel waarden. Neem beide uit dezelfde tabel, zoals "
        '`ax.plot(tabel["jaar"], tabel["aantal"])`.',
        "en": "x and y do not have the same number of values. Take both from the same table, like "
        '`ax.plot(table["jaar"], table["aantal"])`.',
    },
    "explain.indent_missing": {
        "nl": "Na een regel die eindigt op een dubbele punt (`for …:`, `if …:`, `def …:`, `else:`) springen de "
        "volgende regels in, met vier spaties.",
        "en": "After a line that ends in a colon (`for …:`, `if …:`, `def …:`, `else:`) the next lines are "
        "indented, by four spaces.",
    },
    "explain.indent_unexpected": {
        "nl": "Deze regel springt in zonder dat de regel erboven op een dubbele punt eindigt. Haal de spaties aan "
        "het begin van de regel weg.",
        "en": "This line is indented although the line above does not end in a colon. Remove the spaces at the "
        "start of the line.",
    },
    "explain.indent_mismatch": {
        "nl": "De regels springen niet even ver in. Regels die bij elkaar horen, beginnen precies onder elkaar "
        "(steeds vier spaties verder).",
        "en": "The lines are not indented equally. Lines that belong together start exactly below each other "
        "(four spaces further each level).",
    },
    "explain.assign_compare": {
        "nl": "Vergelijken doe je met `==` (twee is-tekens). Eén `=` stopt een waarde in een variabele.",
        "en": "Compare with `==` (two equals signs). A single `=` puts a value into a variable.",
    },
    "explain.colon": {
        "nl": "Achter `for …`, `if …`, `elif …`, `else` en `def …` hoort een dubbele punt `:`.",
        "en": "`for …`, `if …`, `elif …`, `else` and `def …` end with a colon `:`.",
    },
    "explain.bracket_open": {
        "nl": "Een haakje `{bracket}` wordt niet gesloten. Tel de haakjes: bij elk `(` hoort een `)`, bij elk `[` een `]`.",
        "en": "A bracket `{bracket}` is never closed. Count the brackets: every `(` needs a `)`, every `[` a `]`.",
    },
    "explain.bracket_close": {
        "nl": "Er staat een sluithaakje te veel of van de verkeerde soort. Bij elk `(` hoort een `)`, bij elk `[` een `]`.",
        "en": "There is a closing bracket too many or of the wrong kind. Every `(` needs a `)`, every `[` a `]`.",
    },
    "explain.quote_open": {
        "nl": "Een tekst begint met een aanhalingsteken maar sluit niet af. Zet aan het eind hetzelfde "
        "aanhalingsteken (`\"` of `'`).",
        "en": "A text starts with a quote but is never closed. End it with the same quote (`\"` or `'`).",
    },
    "explain.comma": {
        "nl": "Tussen de waarden in een lijst of tussen de waarden die je aan een functie geeft, hoort een komma.",
        "en": "Values in a list, or values you give to a function, are separated by commas.",
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
