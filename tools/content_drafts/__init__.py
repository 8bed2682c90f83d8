"""content drafts: entered through `service.py`."""
