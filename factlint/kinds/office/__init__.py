"""office-holder (factlint): "TITLE NAME" / "NAME, the TITLE" checked against the article's date."""
