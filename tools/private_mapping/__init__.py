"""private mapping: entered through `service.py`."""
