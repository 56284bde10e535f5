package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"time"
)

// Fingerprint hashes everything a profile publishes: every front matter
// key except [review] and [private], and the body. It is stable across
// line endings, key order, spacing and comments, and changes with any
// published value. The result looks like "sha256:<64 hex digits>".
func Fingerprint(front map[string]any, body []byte) string {
	h := sha256.New()
	var b bytes.Buffer
	keys := make([]string, 0, len(front))
	for k := range front {
		if k != "review" && k != "private" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		writeCanonical(&b, k)
		b.WriteByte(':')
		writeCanonical(&b, front[k])
	}
	b.WriteString("}\n")
	h.Write(b.Bytes())
	h.Write(bytes.TrimRight(bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")), " \t\n"))
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// writeCanonical writes v as JSON with sorted keys and dates as
// YYYY-MM-DD, whatever the machine's time zone.
func writeCanonical(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCanonical(b, k)
			b.WriteByte(':')
			writeCanonical(b, v[k])
		}
		b.WriteByte('}')
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
	default:
		enc, _ := json.Marshal(v)
		b.Write(enc)
	}
}
