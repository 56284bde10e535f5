package export

import "testing"

func TestEveryColumnDocumented(t *testing.T) {
	seen := map[string]bool{}
	all := Files(Outputs{Absolute: true, Giving: true})
	if len(Files(Outputs{Absolute: true})) != len(all)-1 || len(Files(Outputs{})) != len(all)-2 {
		t.Error("Files does not leave out exactly 360giving.json, then the feed")
	}
	for _, f := range all {
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
