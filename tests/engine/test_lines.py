import pytest

from secondround.engine.nlp.lines import item_lines


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("", ()),
        ("Epic\nKronos", ("Epic", "Kronos")),
        ("- Epic\n• Kronos\n* Workday\n\t- Cerner ", ("Epic", "Kronos", "Workday", "Cerner")),
        ("  \n-\n\nOne item  ", ("One item",)),
        ("Year-end close", ("Year-end close",)),
    ],
)
def test_item_lines(text, items):
    assert item_lines(text) == items
