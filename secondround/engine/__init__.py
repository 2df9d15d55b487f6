"""The analysis engine: plain Python, no Django. Takes and returns plain data."""
