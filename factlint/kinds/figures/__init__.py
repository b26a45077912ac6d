"""figures-agree (factlint): the same count of the same thing stated twice with numbers that cannot both hold."""
