"""Load the graph into a running server: SPARQL stores (:mod:`.sparql`), Cypher ones (:mod:`.cypher`)."""
