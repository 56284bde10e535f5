package ledger

import (
	"math"
	"testing"
)

func TestAcc(t *testing.T) {
	tests := []struct {
		add  []float64
		want float64
	}{
		{nil, 0},
		{[]float64{0.1, 0.2}, 0.3},
		{[]float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, 1},
		{[]float64{1000, 0.1, 0.2}, 1000.3},
		{[]float64{2557.5, 0.05, 1e-9}, 2557.55}, // below a ten-thousandth is rounded away
		{[]float64{12.34567}, 12.3457},
		{[]float64{4e14, 4e14}, 8e14}, // past the integer range: floating point, no overflow
		{[]float64{1e300, 1}, 1e300},
	}
	for _, tt := range tests {
		var a acc
		for _, x := range tt.add {
			a.add(x)
		}
		if got := a.value(); got != tt.want {
			t.Errorf("sum of %v = %v, want %v", tt.add, got, tt.want)
		}
	}
}

func TestRound(t *testing.T) {
	for x, want := range map[float64]float64{
		0.1 + 0.2:        0.3,
		3 * 38.5 / 3:     38.5,
		1.33333 * 38.5:   51.3332, // 51.333205
		0:                0,
		1e300:            1e300,
		math.MaxFloat64:  math.MaxFloat64,
		0.00005:          0.0001,
		123456789.123456: 123456789.1235,
	} {
		if got := Round(x); got != want {
			t.Errorf("Round(%v) = %v, want %v", x, got, want)
		}
	}
}
