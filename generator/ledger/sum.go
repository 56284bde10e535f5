package ledger

import "math"

// scale is the fixed-point unit of every sum: ten-thousandths.
const scale = 10_000

// limit bounds the integer sum so that adding two in-range values cannot
// overflow an int64.
const limit = 1 << 62

// Round returns x rounded to the precision of the ledger's sums (four
// decimals), as the float64 nearest to that decimal.
func Round(x float64) float64 {
	u := math.Round(x * scale)
	if math.Abs(u) >= limit {
		return x
	}
	return float64(int64(u)) / scale
}

// acc is an exact sum of decimals with up to four places.
type acc struct {
	units   int64   // the sum in ten-thousandths, while exact
	float   float64 // the sum, once it no longer fits in units
	inexact bool
}

func (a *acc) add(x float64) {
	if !a.inexact {
		if u := math.Round(x * scale); math.Abs(u) < limit {
			if n := a.units + int64(u); n < limit && n > -limit {
				a.units = n
				return
			}
		}
		a.inexact = true
		a.float = float64(a.units) / scale
	}
	a.float += x
}

func (a *acc) value() float64 {
	if a.inexact {
		return a.float
	}
	return float64(a.units) / scale
}

// accs is a sum per key (currency, outcome unit).
type accs map[string]*acc

func (m accs) add(key string, x float64) {
	a := m[key]
	if a == nil {
		a = new(acc)
		m[key] = a
	}
	a.add(x)
}

func (m accs) values() map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, a := range m {
		out[k] = a.value()
	}
	return out
}
