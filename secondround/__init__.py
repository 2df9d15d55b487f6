"""Second Round: from the second-interview invitation to the offer, on your own machine."""

__version__ = "0.1.0"
