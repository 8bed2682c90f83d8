"""The audit log of the records the copilot keeps (`cosell audit`, admin); enter through `service`."""
