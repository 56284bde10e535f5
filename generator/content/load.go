package content

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/alongside-dev/alongside/generator/internal/parallel"
)

// A Site is everything read from a site folder. Profiles holds every
// profile that could be read, approved or not, ordered by slug; a profile
// with errors is still there so `check` and `serve` can show the rest.
type Site struct {
	Config   Config
	Home     *Page   // content/_index.md, or an empty page
	Pages    []*Page // content/pages, ordered by weight then name
	Profiles []*Profile
}

// Load reads and validates the site in fsys (a site folder opened with
// os.OpenRoot(...).FS(), so that no symlink leads outside it). It returns
// the site and every problem found, errors and warnings; the site is
// usable only when Problems.Errors() is empty.
func Load(fsys fs.FS) (*Site, Problems) {
	var probs Problems
	site := &Site{Config: Defaults(), Home: &Page{Path: "content/_index.md"}}
	data, err := fs.ReadFile(fsys, "site.toml")
	if err == nil {
		var ps Problems
		site.Config, ps = ParseConfig("site.toml", data)
		probs = append(probs, ps...)
	} else if !errors.Is(err, fs.ErrNotExist) {
		probs = append(probs, Problem{Path: "site.toml", Line: 1, Col: 1, Message: "cannot read: " + err.Error()})
	}
	if site.Config.Theme != "default" {
		if fi, err := fs.Stat(fsys, "themes/"+site.Config.Theme); err != nil || !fi.IsDir() {
			line, col := keyPos(data, "theme")
			probs = append(probs, Problem{Path: "site.toml", Line: line, Col: col, Field: "theme",
				Message: "there is no themes/" + site.Config.Theme + "/ folder (use \"default\" for the built-in theme)"})
		}
	}
	if data, err := fs.ReadFile(fsys, "content/_index.md"); err == nil {
		pg, ps := ParsePage("content/_index.md", data, true)
		probs = append(probs, ps...)
		if pg != nil {
			site.Home = pg
		}
	}
	if ents, err := fs.ReadDir(fsys, "content/pages"); err == nil {
		for _, e := range ents {
			if e.IsDir() || !IsContentFile(e.Name()) {
				continue
			}
			rel := "content/pages/" + e.Name()
			data, err := fs.ReadFile(fsys, rel)
			if err != nil {
				probs = append(probs, readProblem(rel, err))
				continue
			}
			pg, ps := ParsePage(rel, data, false)
			probs = append(probs, ps...)
			if pg != nil {
				site.Pages = append(site.Pages, pg)
			}
		}
	}
	sort.SliceStable(site.Pages, func(i, j int) bool {
		a, b := site.Pages[i], site.Pages[j]
		if a.HasWeight != b.HasWeight {
			return a.HasWeight
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Name < b.Name
	})

	files, ps := ProfileFiles(fsys)
	probs = append(probs, ps...)
	profiles, ps := ParseProfiles(fsys, files, &site.Config)
	probs = append(probs, ps...)
	site.Profiles, ps = Collect(profiles)
	probs = append(probs, ps...)
	probs.Sort()
	return site, probs
}

// A ProfileFile is where one profile is on disk.
type ProfileFile struct {
	Path        string   // "content/partnerships/x.md" or ".../x/index.md"
	BundleFiles []string // for a bundle, its other files relative to its folder
}

// ProfileFiles lists the profiles in content/partnerships, in path order.
// Hidden files, editor backups and non-Markdown files are skipped; a
// bundle's symlinks that lead outside the site are reported and skipped.
// Bundle folders are read on every core.
func ProfileFiles(fsys fs.FS) ([]ProfileFile, Problems) {
	ents, err := fs.ReadDir(fsys, "content/partnerships")
	if err != nil {
		return nil, nil
	}
	type entry struct {
		file  ProfileFile
		ok    bool
		probs Problems
	}
	found := make([]entry, len(ents))
	parallel.For(len(ents), func(i int) {
		name := ents[i].Name()
		rel := "content/partnerships/" + name
		switch e := &found[i]; {
		case strings.HasPrefix(name, "."):
		case ents[i].IsDir():
			var files []string
			files, e.ok, e.probs = ReadBundle(fsys, rel)
			e.file = ProfileFile{Path: rel + "/index.md", BundleFiles: files}
		case IsContentFile(name):
			e.file, e.ok = ProfileFile{Path: rel}, true
		}
	})
	var out []ProfileFile
	var probs Problems
	for _, e := range found {
		probs = append(probs, e.probs...)
		if e.ok {
			out = append(out, e.file)
		}
	}
	return out, probs
}

// ReadBundle lists the files of the bundle folder dir (slash-separated,
// relative to the site), relative to it, leaving out index.md, hidden
// files and editor backups; a symlink that leads outside the site is
// reported and left out. ok is false when dir is not a folder or has no
// index.md (which is then one of the problems).
func ReadBundle(fsys fs.FS, dir string) (files []string, ok bool, probs Problems) {
	if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
		return nil, false, nil
	}
	if _, err := fs.Stat(fsys, dir+"/index.md"); err != nil {
		return nil, false, Problems{{Path: dir, Line: 1, Col: 1, Message: "this folder has no index.md: a bundle keeps its profile in index.md beside its files"}}
	}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			probs = append(probs, Problem{Path: p, Line: 1, Col: 1, Warning: true, Message: "not copied: " + shortErr(err)})
			return nil
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || p == dir+"/index.md" || IsEditorTemp(name) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := fs.Stat(fsys, p); err != nil || !fi.Mode().IsRegular() {
				probs = append(probs, Problem{Path: p, Line: 1, Col: 1, Warning: true, Message: "not copied: a symlink that leads outside the site (or to nothing) is never followed"})
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		files = append(files, strings.TrimPrefix(p, dir+"/"))
		return nil
	})
	if err != nil {
		probs = append(probs, Problem{Path: dir, Line: 1, Col: 1, Message: "cannot read the folder: " + shortErr(err)})
	}
	return files, true, probs
}

// StoryBudget is how many bytes of stories ParseProfiles keeps in memory
// (see Profile.ReadBody): those of a site of about 15,000 profiles.
const StoryBudget = 64 << 20

// ParseProfiles reads and parses files on all cores. The result has one
// entry per file, nil where the file could not be parsed at all.
func ParseProfiles(fsys fs.FS, files []ProfileFile, cfg *Config) ([]*Profile, Problems) {
	profiles := make([]*Profile, len(files))
	probs := make([]Problems, len(files))
	var kept atomic.Int64
	parallel.For(len(files), func(i int) {
		f := files[i]
		data, err := fs.ReadFile(fsys, f.Path)
		if err != nil {
			probs[i] = Problems{readProblem(f.Path, err)}
			return
		}
		p, ps, story := parseProfile(f.Path, data, cfg)
		if p != nil {
			p.BundleFiles = f.BundleFiles
			if len(story) > 0 && kept.Add(int64(len(story))) <= StoryBudget {
				p.story = bytes.Clone(story) // not the file's bytes, which hold [private]
			}
		}
		profiles[i], probs[i] = p, ps
	})
	var all Problems
	for _, ps := range probs {
		all = append(all, ps...)
	}
	return profiles, all
}

// Collect drops nil profiles, orders the rest by slug and reports
// duplicate slugs at line 1 of the later file (by path), naming the first.
func Collect(profiles []*Profile) ([]*Profile, Problems) {
	out := make([]*Profile, 0, len(profiles))
	for _, p := range profiles {
		if p != nil {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *Profile) int {
		if c := strings.Compare(a.Slug, b.Slug); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
	var probs Problems
	kept := out[:0]
	for i, p := range out {
		if i > 0 && kept[len(kept)-1].Slug == p.Slug {
			first := kept[len(kept)-1]
			probs = append(probs, Problem{Path: p.Path, Line: 1, Col: 1, Field: "slug",
				Message: quote(p.Slug) + " is already the slug of " + first.Path + " (every partnership needs its own slug)"})
			continue
		}
		kept = append(kept, p)
	}
	return kept, probs
}

// IsContentFile reports whether name is a Markdown content file: not
// hidden, not an editor's backup.
func IsContentFile(name string) bool {
	return strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") && !IsEditorTemp(name)
}

// IsEditorTemp reports names that editors write while saving (vim's
// swap files and 4913, emacs's .# locks, ~ backups, .tmp files).
func IsEditorTemp(name string) bool {
	return strings.HasSuffix(name, "~") || strings.HasPrefix(name, ".#") || name == "4913" ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}

func readProblem(rel string, err error) Problem {
	return Problem{Path: rel, Line: 1, Col: 1, Message: "cannot read: " + shortErr(err)}
}

func shortErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// BundlePath is the path of a bundle file relative to the site.
func (p *Profile) BundlePath(name string) string { return path.Join(p.BundleDir, name) }
