"""A zoo of generated partner ecosystems with latent ground truth, scored through the CLI (issue 16)."""
