"""Self-checks for "Werken met tabellen in pandas", lesson 1: inlezen en bekijken (KNMI earthquakes).

Each question's `setup` is what the lesson ran before the exercise; `alternatives` are other correct answers
and `wrong` mistakes learners make (each with what its message must say), proved in CI.
"""

from __future__ import annotations

import datavaardig as dv
from datavaardig.grading.selfcheck import ChoiceQuestion, EqualityQuestion, ReflectionQuestion, ____, lesson_questions

SETUP = 'import datavaardig as dv\ndf = dv.load("aardbevingen")'


def _quakes():
    return dv.load("aardbevingen")


class AantalBevingen(EqualityQuestion):
    """Hoeveel bevingen (rijen) staan er in de tabel `df`?"""

    var = "aantal_bevingen"
    expected = lambda: _quakes().shape[0]
    tolerance = 0
    hints = [
        "`df.shape` geeft twee getallen: (aantal rijen, aantal kolommen).",
        "Het eerste getal pak je met `df.shape[0]`; `len(df)` geeft hetzelfde.",
    ]
    solution = "aantal_bevingen = df.shape[0]"
    setup = SETUP
    alternatives = [
        "aantal_bevingen = len(df)",
        'aantal_bevingen = df["tijdstip"].count()',
        'aantal_bevingen = df.describe()["magnitude"]["count"]',  # a float64 count: the same number
    ]
    wrong = [
        ("aantal_bevingen = df.shape[1]", "niet het gevraagde getal"),
        ("aantal_bevingen = df.shape", "tuple"),
        ("aantal_bevingen = df.count()", "één getal"),
        ('aantal_bevingen = df["plaats"].nunique()', "niet het gevraagde getal"),
    ]


class DatatypeVeld(ChoiceQuestion):
    """Welk datatype heeft de kolom `in_groningenveld`?"""

    var = "datatype_veld"
    options = [
        "`float64`: een kommagetal",
        "`str`: tekst",
        "`bool`: waar of onwaar (`True`/`False`)",
        "`datetime64`: een tijdstip",
    ]
    correct = 2
    explanations = [
        "Kommagetallen zijn bijvoorbeeld `magnitude` en `lat`. Kijk nog eens naar `df.dtypes`.",
        "Tekst is bijvoorbeeld `plaats`. Kijk nog eens naar `df.dtypes`.",
        "Juist: de kolom zegt per beving of die binnen het Groningenveld lag: `True` of `False`.",
        "Alleen `tijdstip` is een tijdstip. Kijk nog eens naar `df.dtypes`.",
    ]
    hints = ["Voer `df.dtypes` uit en zoek de regel van `in_groningenveld`."]
    solution = 'datatype_veld = "c"'
    setup = SETUP
    alternatives = ['datatype_veld = "C"', "datatype_veld = 2", 'datatype_veld = "c)"']
    wrong = [
        ('datatype_veld = "b"', "df.dtypes"),
        ('datatype_veld = "a"', "df.dtypes"),
        ('datatype_veld = "bool"', "letter"),
    ]


class SterksteMagnitude(EqualityQuestion):
    """Wat is de hoogste magnitude in de tabel?"""

    var = "sterkste_magnitude"
    expected = lambda: _quakes()["magnitude"].max()
    tolerance = 1e-9
    hints = [
        'Selecteer eerst de kolom met `df["magnitude"]`.',
        "Een kolom (Series) heeft de methoden `.min()`, `.max()` en `.mean()`.",
    ]
    solution = 'sterkste_magnitude = df["magnitude"].max()'
    setup = SETUP
    alternatives = [
        'sterkste_magnitude = max(df["magnitude"])',
        'sterkste_magnitude = df["magnitude"].sort_values().iloc[-1]',
        'sterkste_magnitude = df.describe()["magnitude"]["max"]',
    ]
    wrong = [
        ('sterkste_magnitude = df["magnitude"].mean()', "niet het gevraagde getal"),
        ('sterkste_magnitude = df["magnitude"].max', "functie"),
        ("sterkste_magnitude = df.max()", "één getal"),
        ('sterkste_magnitude = df["magnitude"].iloc[-1]', "niet het gevraagde getal"),
    ]


class AantalPlaatsen(EqualityQuestion):
    """Bij hoeveel verschillende plaatsen heeft het KNMI een beving gemeten?"""

    var = "aantal_plaatsen"
    expected = lambda: _quakes()["plaats"].nunique()
    tolerance = 0
    hints = [
        "Je wilt niet het aantal rijen, maar het aantal *verschillende* plaatsnamen.",
        "`.nunique()` telt hoeveel verschillende waarden een kolom heeft.",
    ]
    solution = 'aantal_plaatsen = df["plaats"].nunique()'
    setup = SETUP
    alternatives = [
        'aantal_plaatsen = len(df["plaats"].unique())',
        'aantal_plaatsen = len(set(df["plaats"]))',
        'aantal_plaatsen = len(df["plaats"].value_counts())',
    ]
    wrong = [
        ('aantal_plaatsen = df["plaats"].count()', "niet het gevraagde getal"),
        ('aantal_plaatsen = df["plaats"].unique()', "len("),
        ("aantal_plaatsen = df.nunique()", "één getal"),
        ("aantal_plaatsen = len(df)", "niet het gevraagde getal"),
    ]


class TopVijfPlaatsen(EqualityQuestion):
    """Welke vijf plaatsen komen het vaakst voor, met hun aantal bevingen (een Series)?"""

    var = "top5_plaatsen"
    expected = lambda: _quakes()["plaats"].value_counts().head(5)
    hints = [
        "`.value_counts()` telt per waarde hoe vaak die voorkomt, de grootste bovenaan.",
        "Met `.head(5)` houd je de eerste vijf over.",
    ]
    solution = 'top5_plaatsen = df["plaats"].value_counts().head(5)'
    setup = SETUP
    alternatives = [
        'top5_plaatsen = df.groupby("plaats").size().sort_values(ascending=False).head(5)',
        'top5_plaatsen = df["plaats"].value_counts().nlargest(5).sort_index()',
        'top5_plaatsen = df["plaats"].value_counts()[:5].reset_index()',
    ]
    wrong = [
        ('top5_plaatsen = df["plaats"].value_counts(ascending=True).head(5)', "Van de 5 gevraagde rijen ontbreken"),
        ('top5_plaatsen = df["plaats"].value_counts().head(5).reset_index(drop=True)', "labels"),
        ('top5_plaatsen = df["plaats"].value_counts().head(5).values', ".values"),
        ('top5_plaatsen = df["plaats"].head(5)', "type"),
        ('top5_plaatsen = df["plaats"].value_counts().head(4)', "'Overschild'"),
    ]


class LaatsteJaar(EqualityQuestion):
    """In welk jaar was de meest recente beving in de tabel?"""

    var = "laatste_jaar"
    expected = lambda: _quakes()["tijdstip"].max().year
    tolerance = 0
    hints = [
        'Het meest recente tijdstip is het grootste: `df["tijdstip"].max()`.',
        "Een tijdstip heeft een onderdeel `.year`.",
    ]
    solution = 'laatste_jaar = df["tijdstip"].max().year'
    setup = SETUP
    alternatives = [
        'laatste_jaar = df["tijdstip"].dt.year.max()',
        'laatste_jaar = df.sort_values("tijdstip")["tijdstip"].iloc[-1].year',
        'laatste_jaar = int(str(df["tijdstip"].max())[:4])',
    ]
    wrong = [
        ('laatste_jaar = df["tijdstip"].min().year', "niet het gevraagde getal"),
        ('laatste_jaar = df["tijdstip"].max()', "Timestamp"),
        ('laatste_jaar = df["tijdstip"].dt.year', "één getal"),
        ('laatste_jaar = df["tijdstip"].max().month', "niet het gevraagde getal"),
    ]


class DiepteKritisch(ReflectionQuestion):
    """Wat valt je op aan de kolom `diepte_km`, en wat betekent dat als je iets over de diepte van
    bevingen wilt zeggen? Schrijf één of twee zinnen."""

    var = "opvalt_diepte"
    min_words = 8
    concepts = {
        "wat opvalt (bijna altijd dezelfde diepte, 3,0 km)": r"\b3([,.]0)?\b|drie|dezelfde|zelfde|bijna (alle|altijd)|meeste",
        "wat dat betekent (een standaardwaarde, geen echte meting)": (
            r"standaard|invul|ingevuld|geen (echte )?meting|niet (echt |goed )?(gemeten|bepaald)|vaste waarde"
            r"|onbekend|weinig (over )?(te )?zeggen|niets (over )?(te )?zeggen"
        ),
    }
    hints = [
        'Kijk naar `df["diepte_km"].value_counts()`: welke waarde komt bijna altijd voor?',
        "Lees in de uitleg hierboven wat het KNMI invult als de diepte niet gemeten is.",
    ]
    solution = (
        'opvalt_diepte = "Bijna alle bevingen hebben diepte 3,0 km. Dat is een standaardwaarde '
        'voor het gasreservoir en geen meting, dus over de diepte kun je hiermee weinig zeggen."'
    )
    setup = SETUP
    alternatives = [
        'opvalt_diepte = "Vrijwel overal staat 3.0 km: dat vult het KNMI in als de diepte niet bepaald is."',
        "opvalt_diepte = 'De meeste bevingen hebben dezelfde diepte. Het is geen echte meting, dus zeg niets over diepte.'",
    ]
    wrong = [
        ('opvalt_diepte = "Weet ik niet."', "minstens 8 woorden"),
        ('opvalt_diepte = "Bijna alle bevingen waren op 3,0 km diepte, dus ze zijn even diep."', "standaardwaarde"),
        ('opvalt_diepte = "De bevingen verschillen heel erg in diepte, van ondiep tot diep in de bodem."', "3,0 km"),
    ]


q1, q2, q3, q4, q5, q6, q7 = lesson_questions(
    "tabellen",
    "01-inlezen-en-bekijken",
    AantalBevingen,
    DatatypeVeld,
    SterksteMagnitude,
    AantalPlaatsen,
    TopVijfPlaatsen,
    LaatsteJaar,
    DiepteKritisch,
)
__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "____"]
