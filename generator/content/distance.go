package content

// EditDistance is the number of runes to insert, delete or replace to turn
// a into b (Levenshtein), as used for "did you mean" suggestions.
func EditDistance(a, b string) int { return editDistance(a, b) }
