"""SPARQL over the graph store: run queries (``kg query``) and serve them (``kg serve``).

Modules, one job each: :mod:`.execute` runs a query with the ontology's prefixes,
:mod:`.formats` negotiates and writes result formats, :mod:`.table` lays results out for a
terminal, :mod:`.pool` runs queries in worker processes that can be cut at a timeout,
:mod:`.server` speaks the SPARQL 1.1 Protocol, :mod:`.page` is its HTML page and
:mod:`.questions` reads the saved analyst questions in ``queries/``.
"""
