"""Event coding: CAMEO/PLOVER code tables (`codes`) and the lexicon-driven coder (`coder`)."""
