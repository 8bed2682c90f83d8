"""account mapping: entered through `service.py`."""
