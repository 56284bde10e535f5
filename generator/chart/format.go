package chart

import (
	"math"
	"strconv"
	"strings"
)

// FormatNumber writes v for a label: thousands separated by commas, cents
// for money in unit when it has any ("1,234.50" for "USD"), else at most
// two decimals ("12.25", "40").
func FormatNumber(v float64, unit string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	v = math.Round(v*100) / 100
	s := strconv.FormatFloat(math.Abs(v), 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	if frac == "00" {
		frac = ""
	} else if !isCurrency(unit) {
		frac = strings.TrimRight(frac, "0")
	}
	var b strings.Builder
	if v < 0 {
		b.WriteString("−")
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// isCurrency reports whether unit is an ISO 4217 code.
func isCurrency(unit string) bool {
	if len(unit) != 3 {
		return false
	}
	for _, c := range []byte(unit) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// scale returns a round axis maximum at or above max, and the step
// between its ticks: 1, 2, 2.5 or 5 times a power of ten, at most steps
// steps in all. Whole numbers get neither a step below 1 nor one of 2.5
// times a power of ten. A max of 0 gives an axis of 1 with a single step.
func scale(max float64, whole bool, steps int) (top, step float64) {
	if !(max > 0) || math.IsInf(max, 0) {
		return 1, 1
	}
	raw := max / float64(steps)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m == 2.5 && whole {
			continue // counts go 0, 5, 10, not 0, 2.5, 5
		}
		if m*mag >= raw-raw*1e-12 {
			step = m * mag
			break
		}
	}
	if whole && step < 1 {
		step = 1
	}
	top = math.Ceil(max/step-1e-9) * step
	return tidy(top), tidy(step)
}

// tidy drops the binary noise of a product like 3 × 0.1.
func tidy(x float64) float64 {
	y, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	if err != nil {
		return x
	}
	return y
}
