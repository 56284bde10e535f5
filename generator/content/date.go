package content

import (
	"fmt"
	"time"
)

// A Date is a calendar day without a time or zone. The zero Date means
// "not set".
type Date struct{ time.Time }

// DateOf returns the Date of year, month and day.
func DateOf(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// ParseDate reads a YYYY-MM-DD date between the years 1000 and 9999.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != 10 {
		return Date{}, fmt.Errorf("%q is not a date (write it as YYYY-MM-DD)", s)
	}
	return checkYear(Date{t})
}

// checkYear refuses a date outside the years 1000 to 9999: a year 1 is a
// typo, and would be taken for "not set" or fill two thousand annual
// reports.
func checkYear(d Date) (Date, error) {
	if y := d.Year(); y < 1000 || y > 9999 {
		return Date{}, fmt.Errorf("%s is out of range: dates are between 1000-01-01 and 9999-12-31", d.Format(time.DateOnly))
	}
	return d, nil
}

// Set reports whether the date was given.
func (d Date) Set() bool { return !d.IsZero() }

// String is YYYY-MM-DD, or "" when the date is not set.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// MarshalJSON writes "YYYY-MM-DD", or null when the date is not set.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// Today is the current calendar day in the local time zone.
func Today() Date { return DayOf(time.Now()) }

// DayOf is the calendar day of t in t's time zone.
func DayOf(t time.Time) Date {
	y, m, d := t.Date()
	return DateOf(y, m, d)
}
