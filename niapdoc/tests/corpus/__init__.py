"""A corpus of progress reports made from ground truth, with the JSON each must read to.

Each case (`cases_*.py`) states a report as interchange data, how its document is laid out and
spoiled (the quirks of domain.md), and the findings a reader must report, written by hand.
`build.py` renders the documents (converted text, Word, PDF) and writes the expected JSON.
"""
