package content

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// LoadProfile reads what a command about the one profile called slug
// needs, and no more: site.toml, the home page and content pages (every
// page shows their navigation), the profile files whose slug is slug (one,
// or two that share it), parsed as Load parses them, and the slug of every
// other profile, for suggestions, found from the file names and the files
// that set slug = "…" without parsing the rest. The site holds only those
// profiles; probs are those of the files it parsed.
func LoadProfile(fsys fs.FS, slug string) (site *Site, slugs []string, probs Problems) {
	l := NewLoader(fsys)
	l.clear()
	l.updateConfig()
	l.loadPages()
	jobs := l.profileJobs()
	named := make([]string, len(jobs))
	l.inProfiles(len(jobs), func(i int) {
		named[i] = l.slugOf(jobs[i])
	})
	var mine []profileJob
	for i, j := range jobs {
		if named[i] == slug {
			mine = append(mine, j)
		}
	}
	l.loadProfiles(mine)
	slices.Sort(named)
	return &l.site, slices.Compact(named), l.Problems()
}

// slugOf is the slug of the profile of j as Load would give it: its file
// or folder name, unless its front matter sets slug (read only when the
// file holds the word).
func (l *Loader) slugOf(j profileJob) string {
	name := strings.TrimSuffix(path.Base(j.rel), ".md")
	if j.dir != "" {
		name = path.Base(j.dir)
	}
	f, err := l.read(j.rel)
	if err != nil || f == nil || !bytes.Contains(f.data, []byte("slug")) {
		return name
	}
	src, err := split(f.data)
	if err != nil {
		return name
	}
	var front struct {
		Slug string `toml:"slug"`
	}
	if _, err := toml.Decode(string(src.front), &front); err != nil || !ValidSlug(front.Slug) {
		return name
	}
	return front.Slug
}
