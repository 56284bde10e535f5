package i18n

import "testing"

// The functions below run for every page of a site of 10,000 profiles.

func BenchmarkT(b *testing.B) {
	c, _ := Load(nil, "", "es")
	b.ReportAllocs()
	for b.Loop() {
		_ = c.T("profile.asks_heading")
	}
}

func BenchmarkTArgs(b *testing.B) {
	c, _ := Load(nil, "", "es")
	b.ReportAllocs()
	for b.Loop() {
		_ = c.T("partners.caption", "currency", "USD")
	}
}

func BenchmarkN(b *testing.B) {
	c, _ := Load(nil, "", "es")
	b.ReportAllocs()
	for b.Loop() {
		_ = c.N("count.partnerships", 12)
	}
}

func BenchmarkMoney(b *testing.B) {
	for _, code := range []string{"en", "es"} {
		b.Run(code, func(b *testing.B) {
			c, _ := Load(nil, "", code)
			b.ReportAllocs()
			for b.Loop() {
				_ = c.Money(27300.5, "USD", "USD")
			}
		})
	}
}

func BenchmarkDate(b *testing.B) {
	c, _ := Load(nil, "", "es")
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Date(2025, 9, 2)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, _ = Load(nil, "", "es")
	}
}
