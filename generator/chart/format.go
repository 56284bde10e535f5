package chart

import (
	"math"
	"strconv"
	"sync"

	"github.com/alongside-dev/alongside/generator/i18n"
)

// Number is how charts write a value in the language of c: with
// c.Amount when unit is a currency ("1,234.50", cents only when there
// are any), else with c.Number (at most two decimals: "12.25", "40").
// A value that is not a finite number is "–".
func Number(c *i18n.Catalog) func(v float64, unit string) string {
	return func(v float64, unit string) string {
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			return "–"
		case isCurrency(unit):
			return c.Amount(v)
		}
		return c.Number(v)
	}
}

// english is the built-in English catalog, for charts made without one.
var english = sync.OnceValue(func() *i18n.Catalog {
	c, _ := i18n.Load(nil, "", "en")
	return c
})

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
