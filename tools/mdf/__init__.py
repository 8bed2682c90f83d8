"""Marketing development funds from request to return (CLI.md "MDF"); enter through `service`."""
