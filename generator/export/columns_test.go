package export

import "testing"

func TestEveryColumnDocumented(t *testing.T) {
	seen := map[string]bool{}
	if len(Files(false)) != len(Files(true))-1 {
		t.Error("Files(false) does not leave out exactly 360giving.json")
	}
	for _, f := range Files(true) {
		seen[f.Name] = true
		if f.Description == "" {
			t.Errorf("%s has no description", f.Name)
		}
		for _, c := range f.Columns {
			if c.Description == "" {
				t.Errorf("%s: column %s has no description", f.Name, c.Name)
			}
		}
	}
	for _, name := range []string{"data/partnerships.json", "data/partnerships.csv", "data/resources.csv", "data/asks.csv", "data/outcomes.csv", "data/360giving.json", "feed.xml"} {
		if !seen[name] {
			t.Errorf("%s is not documented", name)
		}
	}
}
