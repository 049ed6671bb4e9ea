"""Pages for analysts: the CIN census check and the Ofsted Annex A download."""
