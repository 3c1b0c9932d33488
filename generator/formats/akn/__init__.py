"""Akoma Ntoso 3.0 XML of every text of every document."""
