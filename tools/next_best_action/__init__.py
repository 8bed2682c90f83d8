"""next best action: entered through `service.py`."""
