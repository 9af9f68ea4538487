"""Translations of plans: a file `NAME.LANG.yaml` beside `NAME.yaml` holds the
plan's text in another language, keyed by the plan's ids, and nothing else, so
a translation can never change a number, a date or an id."""
