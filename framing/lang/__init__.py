"""Language rules: one module per language, plus language identification."""
