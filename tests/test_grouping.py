"""Grouping reports of one event across articles."""

from __future__ import annotations

from dyad.grouping import group_events


def _report(event_id: str, article: str, sentence: str, date: str | None = "2021-03-17",
            cameo: str = "163", target: str = "RUS") -> dict[str, object]:
    return {"event_id": event_id, "article_id": article, "sentence": sentence, "cameo": cameo, "date": date,
            "source": {"actor": "USAGOV", "country": "USA"}, "target": {"actor": target, "country": target},
            "confidence": 0.9}


def test_republished_reports_group_and_others_do_not() -> None:
    text = "De Verenigde Staten leggen Rusland nieuwe sancties op wegens de vergiftiging van Navalny."
    reports = [
        _report("ev-b", "a1", text),
        _report("ev-a", "a2", text.replace("nieuwe ", "")),
        _report("ev-c", "a3", text, date="2021-05-01"),  # incompatible date
        _report("ev-d", "a4", text, target="CHN"),  # another dyad
        _report("ev-e", "a5", "Washington kondigde strafmaatregelen aan tegen Moskou."),  # other wording
    ]
    articles = {"a1": {"source": "Trouw"}, "a2": {"url": "https://www.volkskrant.nl/x"}, "a3": {}}
    groups = group_events(reports, articles)
    assert [sorted(r["event_id"] for r in g.reports) for g in groups] == [["ev-a", "ev-b"], ["ev-c"], ["ev-d"],
                                                                          ["ev-e"]]
    first = groups[0]
    assert (first.group_id, first.articles, first.sources) == ("ev-a", 2, 2)
    assert first.to_dict()["num_reports"] == 2
