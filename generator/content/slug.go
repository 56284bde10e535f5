package content

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// MaxSlug is the most bytes a slug may have: a folder name, and a part of
// every address below it.
const MaxSlug = 100

// PartnerSlug turns a name into an address: lower-cased, Latin letters with
// diacritics folded to ASCII ("Hội" → "hoi"), every other run of characters
// one hyphen. When nothing is left (a name in another script), it is
// "partner-" and the first 8 hex digits of the name's SHA-256. A slug
// longer than MaxSlug is cut and ends in "-" and those 8 digits instead.
func PartnerSlug(name string) string {
	s := Slugify(name)
	if s != "" && len(s) <= MaxSlug {
		return s
	}
	sum := sha256.Sum256([]byte(name))
	hash := hex.EncodeToString(sum[:4])
	if s == "" {
		return "partner-" + hash
	}
	return strings.TrimRight(s[:MaxSlug-len(hash)-1], "-") + "-" + hash
}

// Slugify folds s to lower-case ASCII letters and digits joined by single
// hyphens; it may return "".
func Slugify(s string) string {
	if slug, ok := slugifyASCII(s); ok {
		return slug
	}
	return slugify(s)
}

// slugify is Slugify, rune by rune.
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if r >= 0x300 && r <= 0x36f {
			// A combining diacritic, as in a decomposed (NFD) "ộ":
			// "o" followed by U+0323 and U+0302. Dropping it folds the
			// letter like its precomposed form.
			continue
		}
		folded, ok := foldRune(r)
		if !ok {
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteString(folded)
	}
	return b.String()
}

// slugifyASCII is Slugify of s when s is ASCII, as most names are,
// without its allocations (s itself when it is a slug already); false
// when s has other bytes.
func slugifyASCII(s string) (string, bool) {
	var buf [64]byte
	b := buf[:0]
	same, hyphen := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			same = false
		default:
			hyphen = len(b) > 0
			same = same && c == '-' && hyphen && i+1 < len(s) && s[i+1] != '-'
			continue
		}
		if hyphen {
			b = append(b, '-')
			hyphen = false
		}
		b = append(b, c)
	}
	if same {
		return s, true
	}
	return string(b), true
}

func foldRune(r rune) (string, bool) {
	switch {
	case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		return string(r), true
	case r < 0x80:
		return "", false
	}
	if s, ok := folds[r]; ok {
		return s, true
	}
	return "", false
}

// folds maps lower-case Latin letters with diacritics (Latin-1, Latin
// Extended-A and B, and Vietnamese) to ASCII.
var folds = func() map[rune]string {
	groups := map[string]string{
		"a":  "àáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặ",
		"c":  "çćĉċč",
		"d":  "ďđ",
		"e":  "èéêëēĕėęěȅȇȩẹẻẽếềểễệ",
		"g":  "ĝğġģǧǵ",
		"h":  "ĥħ",
		"i":  "ìíîïĩīĭįıǐȉȋỉị",
		"j":  "ĵǰ",
		"k":  "ķǩ",
		"l":  "ĺļľŀł",
		"n":  "ñńņňǹ",
		"o":  "òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱọỏốồổỗộớờởỡợ",
		"r":  "ŕŗřȑȓ",
		"s":  "śŝşšș",
		"t":  "ţťŧț",
		"u":  "ùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữự",
		"w":  "ŵẁẃẅ",
		"y":  "ýÿŷỳỵỷỹ",
		"z":  "źżžƶ",
		"ae": "æǽ",
		"oe": "œ",
		"ss": "ß",
		"th": "þ",
		"dh": "ð",
	}
	m := map[rune]string{}
	for ascii, letters := range groups {
		for _, r := range letters {
			m[r] = ascii
		}
	}
	return m
}()
