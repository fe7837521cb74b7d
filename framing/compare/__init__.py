"""Comparison: events across outlets, keyness, rates with intervals, concordances, collocations."""
