"""SPARQL over the graph store: run queries (``kg query``) and serve them (``kg serve``).

Modules, one job each: :mod:`.execute` runs a query with the ontology's prefixes,
:mod:`.formats` negotiates and writes result formats, :mod:`.table` lays results out for a
terminal and :mod:`.answer` chooses what ``kg query`` prints; :mod:`.worker` is a process
answering queries and :mod:`.pool` runs several, cutting a query at the timeout;
:mod:`.server` speaks the SPARQL 1.1 Protocol, :mod:`.page` is its HTML page and
:mod:`.questions` reads the saved analyst questions in ``queries/``.
"""
