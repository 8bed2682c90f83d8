"""search: entered through `service.py`."""
