"""Quote extraction: sentences, quote spans, speakers and dates from a clean article."""
