package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"sync"
	"time"
)

// Fingerprint hashes everything a profile publishes: every front matter
// key except [review] and [private], and the body. It is stable across
// line endings, key order, spacing and comments, and changes with any
// published value. The result looks like "sha256:<64 hex digits>".
func Fingerprint(front map[string]any, body []byte) string {
	h := sha256.New()
	b := buffers.Get().(*bytes.Buffer)
	b.Reset()
	writeMap(b, front, func(k string) bool { return k != "review" && k != "private" })
	b.WriteByte('\n')
	h.Write(b.Bytes())
	buffers.Put(b)
	if bytes.IndexByte(body, '\r') >= 0 {
		body = bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))
	}
	h.Write(bytes.TrimRight(body, " \t\n"))
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// buffers are Fingerprint's, reused across profiles.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeCanonical writes v as JSON with sorted keys and dates as
// YYYY-MM-DD, whatever the machine's time zone.
func writeCanonical(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case map[string]any:
		writeMap(b, v, nil)
	case []map[string]any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCanonical(b, e)
		}
		b.WriteByte(']')
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCanonical(b, e)
		}
		b.WriteByte(']')
	case time.Time:
		// The toml package puts local dates, date-times and times in
		// zones named for them, at the machine's offset: write them as
		// written, not as the UTC instant, which moves with the zone.
		switch v.Location().String() {
		case "date-local":
			writeCanonical(b, v.Format(time.DateOnly))
		case "datetime-local":
			writeCanonical(b, v.Format("2006-01-02T15:04:05.999999999"))
		case "time-local":
			writeCanonical(b, v.Format("15:04:05.999999999"))
		default:
			writeCanonical(b, v.UTC().Format(time.RFC3339Nano))
		}
	case string:
		if plainJSON(v) {
			b.WriteByte('"')
			b.WriteString(v)
			b.WriteByte('"')
			return
		}
		enc, _ := json.Marshal(v)
		b.Write(enc)
	case int64:
		b.Write(strconv.AppendInt(b.AvailableBuffer(), v, 10))
	default:
		enc, _ := json.Marshal(v)
		b.Write(enc)
	}
}

// plainJSON reports whether json.Marshal writes s as it is, in quotes:
// printable ASCII that JSON and its HTML-safe escaping leave alone.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

// writeMap writes m as a JSON object with sorted keys, leaving out the keys
// that keep (when not nil) rejects.
func writeMap(b *bytes.Buffer, m map[string]any, keep func(string) bool) {
	keys := make([]string, 0, len(m))
	for k := range m {
		if keep == nil || keep(k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		writeCanonical(b, k)
		b.WriteByte(':')
		writeCanonical(b, m[k])
	}
	b.WriteByte('}')
}
