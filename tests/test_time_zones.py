"""Time zones typed as a city or a zone name."""

import pytest
from django import forms

from secondround.time_zones import TimeZoneField, find_zone


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Europe/London", "Europe/London"),
        ("london", "Europe/London"),
        ("  New   York ", "America/New_York"),
        ("new_york", "America/New_York"),
        ("Mumbai", "Asia/Kolkata"),
        ("Kolkata", "Asia/Kolkata"),
        ("Asia/Calcutta", "Asia/Calcutta"),
        ("san francisco", "America/Los_Angeles"),
        ("Auckland", "Pacific/Auckland"),
        ("São Paulo", "America/Sao_Paulo"),
        ("utc", "UTC"),
        ("Lodnon", None),
        ("", None),
        ("Mars/Olympus", None),
    ],
)
def test_find_zone(typed, zone):
    assert find_zone(typed) == zone


def test_an_unknown_city_is_explained_with_a_suggestion():
    field = TimeZoneField()
    assert field.clean("Singapore") == "Asia/Singapore"
    with pytest.raises(forms.ValidationError) as refused:
        field.clean("Lodnon")
    assert "“Lodnon” is not a time zone or a city we know." in refused.value.messages[0]
    assert "Did you mean Europe/London?" in refused.value.messages[0]
    with pytest.raises(forms.ValidationError):
        field.clean("x" * 65)


def test_the_widget_offers_every_zone_as_a_suggestion():
    html = TimeZoneField().widget.render("time_zone", "Europe/Paris", {"id": "id_time_zone"})
    assert 'list="id_time_zone-zones"' in html
    assert '<datalist id="id_time_zone-zones">' in html
    assert '<option value="Asia/Tokyo">Tokyo · Asia</option>' in html
    assert 'value="Europe/Paris"' in html
