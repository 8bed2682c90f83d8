"""Deal registrations from submission to expiry (CLI.md "Deal registrations"); enter through `service`."""
