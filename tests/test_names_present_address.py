"""A country and a sentence's full stop end an affiliation (issue 18, twenty-ninth part).

Affiliations add where an author is now after a sentence: "..., Harbin 150001, China. Present
address: MIT, Cambridge, MA 02139, USA" (the form the twenty-eighth part's "formerly" rule reads,
"Present address: ..."). The text was read as one affiliation placing HIT in China and the United
States at once, a doubt, where the same text with a semicolon, or a comma after the country, is
two affiliations and HIT the author's. A country followed by a full stop and a capital ends an
affiliation now, as one followed by a comma does."""

from __future__ import annotations

import pytest

from helpers import coauthor_text_found
from test_names_formerly import LIST


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("School of Astronautics, Harbin Institute of Technology, Harbin 150001, China. Present address: MIT,"
         " Cambridge, MA 02139, USA", "match"),
        ("Harbin Institute of Technology, Harbin 150001, China. Current address: Department of Physics, MIT,"
         " Cambridge, MA, USA", "match"),
        ("Dept. of Physics, MIT, Cambridge, MA, USA. Harbin Institute of Technology, Harbin, China", "match"),
        # As with a semicolon, as before.
        ("School of Astronautics, Harbin Institute of Technology, Harbin 150001, China; Present address: MIT,"
         " Cambridge, MA 02139, USA", "match"),
        # One affiliation in two countries is still a doubt; an abbreviation's full stop ends nothing.
        ("Harbin Institute of Technology, Harbin 150001, China and Boston, MA, USA", "doubt"),
        ("Harbin Institute of Technology, Boston, MA, U.S.A. and Harbin, China", "doubt"),
    ],
)  # fmt: skip
def test_a_country_and_a_full_stop_end_an_affiliation(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, LIST, raw, found)
