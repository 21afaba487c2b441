"""Text analysis over stored statements: n-gram keys, near-duplicate claims, stance and reversals.

Pure functions over strings and plain values: no database, no NLP model, so
read commands (claims, changes, timeline) stay fast to start and easy to test.
"""
