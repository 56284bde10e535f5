package content

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// writeCanonical writes strings and integers itself where it can; the
// bytes must stay those of encoding/json, or every recorded fingerprint
// would stop matching.
func TestCanonicalAsJSON(t *testing.T) {
	values := []any{int64(0), int64(-42), int64(math.MaxInt64), int64(math.MinInt64), 3.5, 1e21, true}
	for _, s := range []string{"", "plain text", "a \"quote\"", `back\slash`, "<b>&amp;</b>", "tab\there", "line\nbreak",
		"\x00\x1f\x7f", "café", "جيران", "\u2028", "\xff invalid", "~ tilde ^ caret {}[]"} {
		values = append(values, s)
	}
	for _, v := range values {
		var b bytes.Buffer
		writeCanonical(&b, v)
		want, _ := json.Marshal(v)
		if b.String() != string(want) {
			t.Errorf("writeCanonical(%#v) = %s, encoding/json writes %s", v, b.String(), want)
		}
	}
}
