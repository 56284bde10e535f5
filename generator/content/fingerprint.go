package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Fingerprint hashes everything a profile publishes from its file: every
// front matter key except [review] and [private], and the body. (The
// loader adds its bundle files: see WithBundle.) It is stable across
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
		writeString(b, v)
	case int64:
		b.Write(strconv.AppendInt(b.AvailableBuffer(), v, 10))
	default:
		enc, _ := json.Marshal(v)
		b.Write(enc)
	}
}

// writeString writes s as encoding/json does.
func writeString(b *bytes.Buffer, s string) {
	if plainJSON(s) {
		b.WriteByte('"')
		b.WriteString(s)
		b.WriteByte('"')
		return
	}
	enc, _ := json.Marshal(s)
	b.Write(enc)
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
	var room [32]string // the keys of a profile's tables fit
	keys := room[:0]
	for k := range m {
		if keep == nil || keep(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(b, k)
		b.WriteByte(':')
		writeCanonical(b, m[k])
	}
	b.WriteByte('}')
}

// BundleDigest hashes the published files of a bundle: each one's name
// (relative to the bundle folder dir) and the SHA-256 of its bytes, read
// as a stream, in the order of files (as Profile.BundleFiles, sorted).
// It is "" for a profile without files.
func BundleDigest(fsys fs.FS, dir string, files []string) (string, error) {
	if len(files) == 0 {
		return "", nil
	}
	var b strings.Builder
	for _, name := range files {
		f, err := fsys.Open(path.Join(dir, name))
		if err != nil {
			return "", err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "%q %x\n", name, h.Sum(nil))
	}
	return b.String(), nil
}

// WithBundle is the fingerprint of a profile whose front matter and story
// have the fingerprint text and whose bundle files have the digest (see
// BundleDigest): text itself when there are none, so that the
// fingerprints of profiles without files stay as they were.
func WithBundle(text, digest string) string {
	if digest == "" {
		return text
	}
	sum := sha256.Sum256([]byte(text + "\nfiles\n" + digest))
	return "sha256:" + hex.EncodeToString(sum[:])
}
