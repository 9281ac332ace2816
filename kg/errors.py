"""One catalogue of the errors users see, with stable codes they can search for."""
from __future__ import annotations


class KgError(Exception):
    """An error caused by input or usage, reported as one clear line and a non-zero exit."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code


E_NO_SOURCE = "E001"  # a source path does not exist
E_NO_DOCUMENTS = "E002"  # sources hold no .txt documents
E_UNREADABLE = "E003"  # a document cannot be read or decoded
E_TOO_LARGE = "E004"  # a document is larger than the limit
E_EMPTY = "E005"  # a document holds no text
E_OUTPUT = "E006"  # the output folder cannot be written
E_DUPLICATE = "E007"  # two sources share a document name
E_NO_STORE = "E008"  # a folder holds no graph store, or a damaged one
E_QUERY = "E009"  # a SPARQL query is malformed or cannot be read
E_PUSH = "E010"  # a graph server cannot be reached or refuses a push
E_OPTION = "E011"  # an option's value is unknown or out of range
E_UNKNOWN_NAME = "E012"  # a name matches no entity in the graph
E_LISTEN = "E013"  # a server cannot listen on the address given


def error(code: str, message: str) -> KgError:
    return KgError(code, message)
