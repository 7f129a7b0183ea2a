import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest

from datavaardig.widgets import source_line, use_house_style
from datavaardig.widgets.style import OKABE_ITO, house_style


def test_house_style_uses_okabe_ito_and_readable_sizes():
    with mpl.rc_context():
        use_house_style()
        colours = [c.lower() for c in mpl.rcParams["axes.prop_cycle"].by_key()["color"]]
        assert colours[:3] == [OKABE_ITO["blauw"].lower(), OKABE_ITO["oranje"].lower(), OKABE_ITO["groen"].lower()]
        assert mpl.rcParams["font.size"] >= 12 and mpl.rcParams["axes.titlesize"] >= 14


def test_source_line_writes_one_line():
    with house_style():
        fig, ax = plt.subplots()
        source_line(ax, "KNMI")
        source_line(ax, "Bron: KNMI")  # twice: still one line
        lines = [t.get_text() for t in fig.texts]
        assert lines == ["Bron: KNMI"]
        plt.close(fig)
    with pytest.raises(ValueError, match="Bron"):
        source_line(ax, "")
