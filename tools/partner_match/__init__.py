"""partner match: entered through `service.py`."""
