package review

import (
	"bytes"
	"regexp"
	"strings"
)

// A contact is an email address or a phone number found in text.
type contact struct {
	kind string // "an email address" or "a phone number"
	text string
	off  int // byte offset in the text
}

var emailRE = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

// text is what findContacts reads: a field, or a story as read from its
// file (not copied into a string).
type text interface{ string | []byte }

// findContacts returns the email addresses and phone numbers in s, in
// order. Phone numbers are told from dates, years, amounts and codes by
// their shape (see phoneAt).
func findContacts[T text](s T) []contact {
	var out []contact
	for _, m := range emails(s) {
		out = append(out, contact{"an email address", string(s[m[0]:m[1]]), m[0]})
	}
	for i := 0; i < len(s); i++ {
		if !phoneStart[s[i]] {
			continue
		}
		if i > 0 && !phoneMayFollow(s[i-1]) {
			// Inside a word, a number or an address: skip the rest of it.
			for i+1 < len(s) && strings.IndexByte("0123456789-.()", s[i+1]) >= 0 {
				i++
			}
			continue
		}
		if n := phoneAt(s[i:]); n > 0 {
			out = append(out, contact{"a phone number", string(s[i : i+n]), i})
			i += n - 1
		} else {
			for i+1 < len(s) && isDigit(s[i+1]) {
				i++
			}
		}
	}
	if len(out) > 1 {
		// Emails were found first; keep the order of the text.
		sortContacts(out)
	}
	return out
}

// emails returns where emailRE matches s, if s has an "@".
func emails[T text](s T) [][]int {
	switch s := any(s).(type) {
	case string:
		if strings.IndexByte(s, '@') >= 0 {
			return emailRE.FindAllStringIndex(s, -1)
		}
	case []byte:
		if bytes.IndexByte(s, '@') >= 0 {
			return emailRE.FindAllIndex(s, -1)
		}
	}
	return nil
}

func sortContacts(cs []contact) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].off < cs[j-1].off; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// phoneStart marks the bytes a phone number can start with.
var phoneStart = [256]bool{'0': true, '1': true, '2': true, '3': true, '4': true, '5': true,
	'6': true, '7': true, '8': true, '9': true, '+': true, '(': true}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isSep(c byte) bool   { return c == ' ' || c == '-' || c == '.' }

// phoneMayFollow reports whether a phone number may start after c: at the
// start of a word, after punctuation that opens or introduces it.
func phoneMayFollow(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || strings.IndexByte(`([{"'<*_:,;`, c) >= 0 || c >= 0x80
}

// phoneAt returns the length of the phone number at the start of s, or 0.
// A number is read as groups of digits, each joined to the next by one
// space, hyphen or dot, the first possibly in parentheses: "555-0100",
// "(555) 010-0100", "555.010.0100", "1 555 010 0100", "+44 20 7946 0958".
// It is a phone number when its groups are 3-4 joined by a hyphen or a dot
// (a local number), 3-3-4 or 1-3-3-4 (North American), or when it starts
// with "+" and has 8 to 15 digits. Dates (2025-09-02), years (1998-2024,
// 2025-26), amounts (1,150; 41.25) and longer codes are none of these.
func phoneAt[T text](s T) int {
	i := 0
	plus := s[0] == '+'
	if plus {
		i++
	}
	var groups []int // digits in each group
	var seps []byte  // the separator before each group after the first
	var g [8]int
	var sp [8]byte
	groups, seps = g[:0], sp[:0]
	end := 0
	for {
		paren := i < len(s) && s[i] == '('
		j := i
		if paren {
			j++
		}
		k := j
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if n := k - j; n == 0 || n > 4 {
			break
		}
		groups = append(groups, k-j)
		if len(groups) > 6 {
			return 0 // a long run of numbers, not a phone number
		}
		if paren {
			if k >= len(s) || s[k] != ')' {
				return 0
			}
			k++
		}
		end = k
		switch {
		case k+1 < len(s) && (isSep(s[k]) || paren && s[k] == ' ') && (isDigit(s[k+1]) || s[k+1] == '('):
			seps = append(seps, s[k])
			i = k + 1
			continue
		case paren && k < len(s) && isDigit(s[k]): // "(555)010-0100"
			seps = append(seps, ' ')
			i = k
			continue
		}
		break
	}
	if len(groups) == 0 || end < len(s) && (isDigit(s[end]) || isLetter(s[end])) {
		return 0 // not a number, or part of a longer word or number
	}
	digits := 0
	for _, g := range groups {
		digits += g
	}
	switch {
	case plus:
		if len(groups) >= 2 && digits >= 8 && digits <= 15 {
			return end
		}
	case match(groups, 3, 4) && (seps[0] == '-' || seps[0] == '.'),
		match(groups, 3, 3, 4),
		match(groups, 1, 3, 3, 4) && s[0] == '1':
		return end
	}
	return 0
}

func match(groups []int, want ...int) bool {
	if len(groups) != len(want) {
		return false
	}
	for i := range want {
		if groups[i] != want[i] {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
