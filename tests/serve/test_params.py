"""The shared query checks of the routes and the list envelope, without a server."""

from __future__ import annotations

import pytest

from dyad.serve.params import bucket_value, factuality_value, grouping_value
from dyad.serve.query import QueryError
from dyad.serve.server import listing


def test_checks_pass_known_values_and_name_the_parameter_of_unknown_ones() -> None:
    assert bucket_value("week") == "week"
    assert grouping_value("actor") == "actor"
    assert factuality_value("possible") == "possible"
    assert factuality_value("all") is None
    with pytest.raises(QueryError, match="bucket: 'fortnight'"):
        bucket_value("fortnight")
    with pytest.raises(QueryError, match="by: 'region'"):
        grouping_value("region")
    with pytest.raises(QueryError, match="factuality: 'likely'"):
        factuality_value("likely")


def test_listing_gives_the_next_offset_until_the_last_page() -> None:
    rows = [{"id": i} for i in range(3)]
    assert listing(rows, 10, 0)["next"] == 3
    assert listing(rows, 6, 3)["next"] is None
    assert listing([], 0, 0)["next"] is None
    assert listing(rows, 10, None, next_cursor="c")["next"] is None
