"""The evaluation set and the measures of faithful attribution."""
