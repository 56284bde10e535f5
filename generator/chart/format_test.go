package chart

import "testing"

func TestNumber(t *testing.T) {
	format := Number(english())
	tests := []struct {
		v    float64
		unit string
		want string
	}{
		{0, "", "0"},
		{1234567, "USD", "1,234,567"},
		{1000.3, "USD", "1,000.30"},
		{1000.3, "hours", "1,000.3"},
		{12.25, "hours", "12.25"},
		{0.1 + 0.2, "USD", "0.30"},
		{999.999, "USD", "1,000"},
		{100, "", "100"},
		{123, "", "123"},
		{-5, "", "-5"},
	}
	for _, tt := range tests {
		if got := format(tt.v, tt.unit); got != tt.want {
			t.Errorf("Number(%v, %q) = %q, want %q", tt.v, tt.unit, got, tt.want)
		}
	}
}

func TestScale(t *testing.T) {
	tests := []struct {
		max       float64
		whole     bool
		top, step float64
	}{
		{0, true, 1, 1},
		{1, true, 1, 1},
		{3, true, 3, 1},
		{7, true, 8, 2},
		{10, true, 10, 2},
		{37, true, 40, 10},
		{1000.3, false, 1250, 250},
		{2400, false, 2500, 500},
		{0.3, false, 0.3, 0.1},
		{95000, false, 100000, 20000},
	}
	for _, tt := range tests {
		top, step := scale(tt.max, tt.whole, 5)
		if top != tt.top || step != tt.step {
			t.Errorf("scale(%v, %v) = %v, %v; want %v, %v", tt.max, tt.whole, top, step, tt.top, tt.step)
		}
	}
}
