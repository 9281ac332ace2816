"""kg: Chinese industrial-policy documents in, a provenance-carrying knowledge graph out.

The Python entry points live in :mod:`kg.build` (``build``, ``write``) and :mod:`kg.store`
(``load_graph``, ``open_store``); importing ``kg`` alone loads nothing heavy.
"""
