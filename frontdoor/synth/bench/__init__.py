"""Benchmarks of person matching on synthetic data with known truth (`frontdoor bench …`).

`search.py`: person search latency and recall (`frontdoor bench search`); `dedupe.py`: bulk
de-duplication accuracy and cost (`frontdoor bench dedupe`). Results: docs/benchmarks.md.
"""
