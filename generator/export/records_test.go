package export

import (
	"bytes"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/output"
)

// Files written with Records are those written without, as profiles are
// replaced; Keep forgets the parts of the profiles replaced, so that a
// long session holds one part per profile and file.
func TestRecords(t *testing.T) {
	site, published := testSite(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	rec := NewRecords()
	write := func(ps []*content.Profile, rec *Records) *output.Memory {
		t.Helper()
		out := output.NewMemory()
		if err := Write(out, site, ps, nil, "https://x.example/", now, []string{"index.html"}, rec); err != nil {
			t.Fatal(err)
		}
		return out
	}
	same := func(step string, ps []*content.Profile) {
		t.Helper()
		got, want := write(ps, rec), write(ps, nil)
		for _, name := range want.Names() {
			a, _ := got.Get(name)
			b, _ := want.Get(name)
			if !bytes.Equal(a, b) {
				t.Fatalf("%s: %s differs from the one written without Records", step, name)
			}
		}
		rec.Keep()
	}
	same("first", published)
	parts := len(rec.part)
	if parts == 0 {
		t.Fatal("Records kept nothing")
	}
	ps := append([]*content.Profile(nil), published...)
	for i := range 3 {
		changed := *ps[0]
		changed.Title += " (changed)"
		changed.Resources = append([]content.Resource(nil), changed.Resources...)
		changed.Resources[0].Description += " again"
		ps[0] = &changed
		same("change "+string(rune('1'+i)), ps)
	}
	if len(rec.part) != parts {
		t.Errorf("after 3 changes of one profile, %d parts are kept, want %d", len(rec.part), parts)
	}
}
