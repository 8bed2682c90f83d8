"""Inbound leads routed to partners (CLI.md "Leads"); enter through `service`."""
