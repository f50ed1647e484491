"""Small utilities with no knowledge of pages or catalogs: atomic writes, the code fingerprint, process pools."""
