"""The Excel import wizard: file → sheet and columns → preview → import."""
