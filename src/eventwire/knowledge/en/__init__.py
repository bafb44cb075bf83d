"""The English language pack: data files only (see `eventwire.knowledge.pack`)."""
