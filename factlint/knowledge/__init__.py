"""The knowledge layer: the tables behind the kinds (events, office-holders, gazetteer, lexicon, vocabularies),
each with one schema that loads, validates and indexes it — the same schema the knowledge tests
check the shipped tables against. A module here never imports the engine or a kind."""
