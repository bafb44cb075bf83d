"""Executors: run the article pipeline over many inputs and store the results (local processes, Dask)."""
