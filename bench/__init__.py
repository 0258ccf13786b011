"""Hearth's benchmark: how fast pages and the API answer beside the bare framework, how costs
grow with years of history, and whether acknowledged writes survive a crash. See README.md."""
