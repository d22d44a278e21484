"""Benchmarks: each script measures a thing and its reference in the same run, into bench/results/."""
