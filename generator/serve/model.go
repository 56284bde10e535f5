package serve

import (
	"bytes"
	"errors"
	"hash/maphash"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/parallel"
)

// A model is the site as last read from disk, kept between builds so that
// a rebuild re-reads and re-validates only the files that changed. Its
// Site and problems are those content.Load gives for the same files.
//
// Besides the site, the model keeps what changed since the last render
// (pending), so that a build that fails does not lose the changes the
// next one must render.
type model struct {
	fsys fs.FS
	seed maphash.Seed

	site    content.Site
	sources map[string]*source            // site.toml and each content file, by path
	bundles map[string][]string           // bundle folder → its files (as Profile.BundleFiles)
	bySlug  map[string][]*content.Profile // each parsed profile, by slug, ordered by path
	probs   map[string]content.Problems   // problems by file path, "dir:" folder path, "slug:" file path; only non-empty

	pending pending
}

// A source is one file as last read.
type source struct {
	size    int64
	mtime   int64 // UnixNano
	hash    uint64
	data    []byte // the bytes read; kept only while the file has errors, for the overlay
	profile *content.Profile
	page    *content.Page
}

// pending is what changed since the last render.
type pending struct {
	full     bool                        // everything: site.toml, the theme, the navigation
	home     bool                        // content/_index.md
	pages    map[string]bool             // content pages, by path
	profiles map[string]*content.Profile // slug → its profile at the last render (nil: none)
}

func (p *pending) reset() {
	*p = pending{pages: map[string]bool{}, profiles: map[string]*content.Profile{}}
}

// A change is what a render must redo: everything, or the home page,
// some content pages and some profiles.
type change struct {
	full     bool
	home     bool
	pages    []*content.Page // content pages whose title and weight did not change
	profiles []profileChange
}

func (c *change) empty() bool {
	return !c.full && !c.home && len(c.pages) == 0 && len(c.profiles) == 0
}

// A profileChange is one slug whose profile was added (Old nil), removed
// (New nil) or changed.
type profileChange struct {
	Old, New *content.Profile
}

func newModel(fsys fs.FS) *model {
	m := &model{fsys: fsys, seed: maphash.MakeSeed()}
	m.clear()
	return m
}

func (m *model) clear() {
	m.site = content.Site{Config: content.Defaults(), Home: &content.Page{Path: "content/_index.md"}}
	m.sources = map[string]*source{}
	m.bundles = map[string][]string{}
	m.bySlug = map[string][]*content.Profile{}
	m.probs = map[string]content.Problems{}
	m.pending.reset()
	m.pending.full = true
}

// load reads the whole site, reading and parsing the profiles on all cores.
func (m *model) load() {
	m.clear()
	m.updateConfig()
	m.updatePage(homePath)
	if ents, err := fs.ReadDir(m.fsys, "content/pages"); err == nil {
		for _, e := range ents {
			if !e.IsDir() && content.IsContentFile(e.Name()) {
				m.updatePage("content/pages/" + e.Name())
			}
		}
	}
	ents, _ := fs.ReadDir(m.fsys, profilesDir)
	type job struct {
		rel    string // the profile file
		dir    string // its bundle folder, or ""
		ok     bool   // the bundle folder has an index.md
		files  []string
		bprobs content.Problems // the bundle folder's
		src    *source
		probs  content.Problems
	}
	jobs := make([]job, 0, len(ents))
	for _, e := range ents {
		name := e.Name()
		rel := profilesDir + "/" + name
		switch {
		case strings.HasPrefix(name, "."):
		case e.IsDir():
			jobs = append(jobs, job{rel: rel + "/index.md", dir: rel})
		case content.IsContentFile(name):
			jobs = append(jobs, job{rel: rel})
		}
	}
	cfg := m.site.Config
	parallel.For(len(jobs), func(i int) {
		j := &jobs[i]
		if j.dir != "" {
			if j.files, j.ok, j.bprobs = content.ReadBundle(m.fsys, j.dir); !j.ok {
				return
			}
		}
		j.src, j.probs = m.readProfile(j.rel, j.files, &cfg)
	})
	for _, j := range jobs {
		if j.dir != "" {
			if j.ok {
				m.bundles[j.dir] = j.files
			}
			m.setProbs("dir:"+j.dir, j.bprobs)
		}
		m.setProbs(j.rel, j.probs)
		if j.src == nil {
			continue
		}
		m.sources[j.rel] = j.src
		if p := j.src.profile; p != nil {
			m.bySlug[p.Slug] = append(m.bySlug[p.Slug], p)
		}
	}
	for slug, ps := range m.bySlug {
		slices.SortFunc(ps, func(a, b *content.Profile) int { return strings.Compare(a.Path, b.Path) })
		m.site.Profiles = append(m.site.Profiles, ps[0])
		m.checkSlug(slug)
	}
	slices.SortFunc(m.site.Profiles, func(a, b *content.Profile) int { return strings.Compare(a.Slug, b.Slug) })
	m.pending.reset()
	m.pending.full = true
}

const (
	configPath  = "site.toml"
	homePath    = "content/_index.md"
	pagesDir    = "content/pages"
	profilesDir = "content/partnerships"
)

// read reads rel. It returns nil and no error when the file does not
// exist, or is a folder.
func (m *model) read(rel string) (*source, error) {
	f, err := m.fsys.Open(rel)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, nil
	}
	var b bytes.Buffer
	b.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := b.ReadFrom(f); err != nil {
		return nil, err
	}
	data := b.Bytes()
	return &source{size: fi.Size(), mtime: fi.ModTime().UnixNano(), hash: maphash.Bytes(m.seed, data), data: data}, nil
}

// readProfile reads and parses a profile file. The source is nil when the
// file is gone.
func (m *model) readProfile(rel string, bundleFiles []string, cfg *content.Config) (*source, content.Problems) {
	src, err := m.read(rel)
	if err != nil {
		return nil, content.Problems{readProblem(rel, err)}
	}
	if src == nil {
		return nil, nil
	}
	return src, m.parseProfile(rel, src, bundleFiles, cfg)
}

func (m *model) parseProfile(rel string, src *source, bundleFiles []string, cfg *content.Config) content.Problems {
	p, probs := content.ParseProfile(rel, src.data, cfg)
	if p != nil {
		p.BundleFiles = bundleFiles
	}
	src.profile = p
	src.keep(probs)
	return probs
}

// keep drops the bytes read unless the file has errors.
func (s *source) keep(probs content.Problems) {
	if len(probs.Errors()) == 0 {
		s.data = nil
	}
}

func (m *model) setProbs(key string, probs content.Problems) {
	if len(probs) == 0 {
		delete(m.probs, key)
	} else {
		m.probs[key] = probs
	}
}

// updateConfig reads site.toml and checks the theme folder.
func (m *model) updateConfig() {
	m.site.Config = content.Defaults()
	delete(m.sources, configPath)
	var probs content.Problems
	src, err := m.read(configPath)
	switch {
	case err != nil:
		probs = append(probs, readProblem(configPath, err))
	case src != nil:
		m.site.Config, probs = content.ParseConfig(configPath, src.data)
		src.keep(probs)
		m.sources[configPath] = src
	}
	m.setProbs(configPath, probs)
	m.checkTheme()
}

// checkTheme reports a theme that has no folder, as content.Load does.
func (m *model) checkTheme() {
	const key = "themes/"
	m.setProbs(key, nil)
	if t := m.site.Config.Theme; t != "default" {
		if fi, err := fs.Stat(m.fsys, "themes/"+t); err != nil || !fi.IsDir() {
			m.setProbs(key, content.Problems{{Path: configPath, Line: 1, Col: 1, Field: "theme",
				Message: "there is no themes/" + t + "/ folder (use \"default\" for the built-in theme)"}})
		}
	}
}

// updatePage reads the home page or a content page. It reports whether
// the navigation of every page may have changed.
func (m *model) updatePage(rel string) (nav bool) {
	home := rel == homePath
	var old *content.Page
	if s := m.sources[rel]; s != nil {
		old = s.page
	}
	src, err := m.read(rel)
	var probs content.Problems
	switch {
	case err != nil:
		probs = content.Problems{readProblem(rel, err)}
		src = nil
	case src != nil:
		src.page, probs = content.ParsePage(rel, src.data, home)
		src.keep(probs)
	}
	m.setProbs(rel, probs)
	if src == nil {
		delete(m.sources, rel)
	} else {
		m.sources[rel] = src
	}
	var pg *content.Page
	if src != nil {
		pg = src.page
	}
	if home {
		if pg == nil {
			pg = &content.Page{Path: homePath}
		}
		m.site.Home = pg
		m.pending.home = true
		return false
	}
	if i := slices.Index(m.site.Pages, old); old != nil && i >= 0 {
		m.site.Pages = slices.Delete(m.site.Pages, i, i+1)
	}
	if pg != nil {
		m.site.Pages = append(m.site.Pages, pg)
	}
	m.sortPages()
	m.pending.pages[rel] = true
	if old == nil || pg == nil {
		return true // a page added or removed: lists, links and the navigation
	}
	return (old.HasWeight || pg.HasWeight) && (old.HasWeight != pg.HasWeight || old.Title != pg.Title || old.Weight != pg.Weight)
}

// sortPages orders content pages as content.Load does.
func (m *model) sortPages() {
	slices.SortStableFunc(m.site.Pages, func(a, b *content.Page) int {
		switch {
		case a.HasWeight != b.HasWeight:
			if a.HasWeight {
				return -1
			}
			return 1
		case a.Weight != b.Weight:
			return a.Weight - b.Weight
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// setProfile records that the profile file rel now holds p (nil: no
// profile) and keeps the slug index, the site's profiles and the
// duplicate-slug problems up to date.
func (m *model) setProfile(rel string, p *content.Profile) {
	var old *content.Profile
	if s := m.sources[rel]; s != nil {
		old = s.profile
	}
	if old == p {
		return
	}
	if old != nil {
		m.note(old.Slug)
		m.setProbs("slug:"+old.Path, nil)
		ps := m.bySlug[old.Slug]
		if i := slices.Index(ps, old); i >= 0 {
			ps = slices.Delete(ps, i, i+1)
		}
		if len(ps) == 0 {
			delete(m.bySlug, old.Slug)
		} else {
			m.bySlug[old.Slug] = ps
		}
	}
	if p != nil {
		m.note(p.Slug)
		ps := m.bySlug[p.Slug]
		i, _ := slices.BinarySearchFunc(ps, p.Path, func(q *content.Profile, path string) int { return strings.Compare(q.Path, path) })
		m.bySlug[p.Slug] = slices.Insert(ps, i, p)
	}
	if old != nil {
		m.fixSlug(old.Slug)
	}
	if p != nil && (old == nil || p.Slug != old.Slug) {
		m.fixSlug(p.Slug)
	}
}

// note remembers slug's profile as rendered, before it first changes.
func (m *model) note(slug string) {
	if _, ok := m.pending.profiles[slug]; !ok {
		m.pending.profiles[slug] = m.winner(slug)
	}
}

// winner is the profile published under slug: the first by path.
func (m *model) winner(slug string) *content.Profile {
	if ps := m.bySlug[slug]; len(ps) > 0 {
		return ps[0]
	}
	return nil
}

// fixSlug puts slug's winner in site.Profiles (ordered by slug) and
// reports the duplicates.
func (m *model) fixSlug(slug string) {
	ps := m.site.Profiles
	i, found := slices.BinarySearchFunc(ps, slug, func(p *content.Profile, s string) int { return strings.Compare(p.Slug, s) })
	switch w := m.winner(slug); {
	case w == nil && found:
		m.site.Profiles = slices.Delete(ps, i, i+1)
	case w != nil && found:
		ps[i] = w
	case w != nil:
		m.site.Profiles = slices.Insert(ps, i, w)
	}
	m.checkSlug(slug)
}

// checkSlug reports every profile of slug but the first as a duplicate,
// as content.Collect does, and clears the report of the others.
func (m *model) checkSlug(slug string) {
	ps := m.bySlug[slug]
	for i, p := range ps {
		key := "slug:" + p.Path
		if i == 0 {
			m.setProbs(key, nil)
			continue
		}
		m.setProbs(key, content.Problems{{Path: p.Path, Line: 1, Col: 1, Field: "slug",
			Message: `"` + p.Slug + `" is already the slug of ` + ps[0].Path + " (every partnership needs its own slug)"}})
	}
}

// problems returns every problem of the site, sorted.
func (m *model) problems() content.Problems {
	var all content.Problems
	for _, ps := range m.probs {
		all = append(all, ps...)
	}
	all.Sort()
	return all
}

// hasErrors reports whether any file has an error.
func (m *model) hasErrors() bool {
	for _, ps := range m.probs {
		for _, p := range ps {
			if !p.Warning {
				return true
			}
		}
	}
	return false
}

// peek returns what changed since the last render.
func (m *model) peek() change {
	c := change{full: m.pending.full, home: m.pending.home}
	if !c.full {
		for rel := range m.pending.pages {
			if s := m.sources[rel]; s != nil && s.page != nil {
				c.pages = append(c.pages, s.page)
			}
		}
		for slug, old := range m.pending.profiles {
			if now := m.winner(slug); now != old {
				c.profiles = append(c.profiles, profileChange{Old: old, New: now})
			}
		}
		slices.SortFunc(c.profiles, func(a, b profileChange) int { return strings.Compare(a.slug(), b.slug()) })
	}
	return c
}

// take returns what changed since the last render and forgets it: call it
// once the render of the current site is done.
func (m *model) take() change {
	c := m.peek()
	m.pending.reset()
	return c
}

func (c profileChange) slug() string {
	if c.New != nil {
		return c.New.Slug
	}
	return c.Old.Slug
}

// source returns the bytes of rel as last read when it had errors, else
// as it is now (for an error found across files); nil when unreadable.
func (m *model) source(rel string) []byte {
	if s := m.sources[rel]; s != nil && s.data != nil {
		return s.data
	}
	if s, err := m.read(rel); err == nil && s != nil && s.size < 1<<20 {
		return s.data
	}
	return nil
}

// update re-reads what may have changed: paths relative to the site, each
// a file or a folder (everything in it). It reads what is on disk now,
// whatever happened to get there: a path may have been written, created,
// removed or renamed over, any number of times.
func (m *model) update(paths []string) {
	var files []string          // content files to read again
	dirs := map[string]bool{}   // bundle folders to list again
	copies := map[string]bool{} // bundle folders with a file that changed
	seen := map[string]bool{}
	add := func(rel string) {
		if !seen[rel] {
			seen[rel] = true
			files = append(files, rel)
		}
	}
	config, theme := false, false
	for _, rel := range paths {
		switch {
		case rel == configPath:
			config = true
		case rel == "themes" || strings.HasPrefix(rel, "themes/"):
			theme = true
		case rel == "content" || strings.HasPrefix(rel, "content/"):
			if b := bundleOf(rel); b != "" {
				dirs[b] = true
			}
			fi, err := fs.Lstat(m.fsys, rel)
			switch {
			case err == nil && fi.IsDir():
				m.rescan(rel, add, dirs)
			case err == nil || m.sources[rel] != nil:
				add(rel) // a file, there or gone
			default:
				add(rel) // gone, and perhaps a folder
				m.forgetUnder(rel, add, dirs)
			}
		}
	}
	if config {
		m.load() // the currency and valuation change every profile
		return
	}
	if theme {
		m.pending.full = true
		m.checkTheme()
	}
	cfg := &m.site.Config
	for _, rel := range files {
		switch {
		case rel == homePath || path.Dir(rel) == pagesDir && content.IsContentFile(path.Base(rel)):
			if m.updatePage(rel) {
				m.pending.full = true
			}
		case isProfilePath(rel):
			b := bundleOf(rel)
			switch s := m.sources[rel]; {
			case b == "":
				m.reparse(rel, nil, cfg, false)
			case dirs[b]: // below
			case s != nil && s.profile != nil:
				m.reparse(rel, s.profile.BundleFiles, cfg, false)
			default:
				dirs[b] = true
			}
		case bundleOf(rel) != "":
			// A photo or a document of a bundle: its page copies it again.
			dirs[bundleOf(rel)] = true
			copies[bundleOf(rel)] = true
		}
	}
	for dir := range dirs {
		files, ok, probs := content.ReadBundle(m.fsys, dir)
		m.setProbs("dir:"+dir, probs)
		if ok {
			m.bundles[dir] = files
		} else {
			delete(m.bundles, dir)
		}
		m.reparse(dir+"/index.md", files, cfg, copies[dir])
	}
}

// reparse reads the profile file rel again and, if it changed, parses it.
// copies says that a file of its bundle changed: the profile counts as
// changed even when its own bytes did not.
func (m *model) reparse(rel string, bundleFiles []string, cfg *content.Config, copies bool) {
	old := m.sources[rel]
	src, err := m.read(rel)
	switch {
	case err != nil:
		m.setProfile(rel, nil)
		delete(m.sources, rel)
		m.setProbs(rel, content.Problems{readProblem(rel, err)})
		return
	case src == nil:
		m.setProfile(rel, nil)
		delete(m.sources, rel)
		m.setProbs(rel, nil)
		return
	case old != nil && old.hash == src.hash && old.size == src.size && slices.Equal(bundleFilesOf(old), bundleFiles):
		old.mtime = src.mtime // touched, not changed
		if copies && old.profile != nil {
			p := *old.profile // a new profile, for the render to see a change
			m.setProfile(rel, &p)
			old.profile = &p
		}
		return
	}
	probs := m.parseProfile(rel, src, bundleFiles, cfg)
	m.setProfile(rel, src.profile)
	m.sources[rel] = src
	m.setProbs(rel, probs)
}

func bundleFilesOf(s *source) []string {
	if s.profile == nil {
		return nil
	}
	return s.profile.BundleFiles
}

// rescan adds every content file under the folder rel that is new, gone,
// or of another size or time, and every bundle folder in it.
func (m *model) rescan(rel string, add func(string), dirs map[string]bool) {
	found := map[string]bool{}
	fs.WalkDir(m.fsys, rel, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if b := bundleOf(p); b != "" {
			dirs[b] = true
		} else if d.IsDir() && path.Dir(p) == profilesDir {
			dirs[p] = true
		}
		if d.IsDir() {
			return nil
		}
		found[p] = true
		s := m.sources[p]
		if s == nil {
			add(p)
			return nil
		}
		if fi, err := d.Info(); err != nil || fi.Size() != s.size || fi.ModTime().UnixNano() != s.mtime {
			add(p)
		}
		return nil
	})
	for p := range m.sources {
		if under(p, rel) && !found[p] {
			add(p)
		}
	}
	for b := range m.bundles {
		if under(b, rel) || b == rel {
			dirs[b] = true
		}
	}
}

// forgetUnder adds every known file and bundle folder in rel, which is
// no longer a folder.
func (m *model) forgetUnder(rel string, add func(string), dirs map[string]bool) {
	for p := range m.sources {
		if under(p, rel) {
			add(p)
		}
	}
	for b := range m.bundles {
		if under(b, rel) || b == rel {
			dirs[b] = true
		}
	}
	if _, ok := m.probs["dir:"+rel]; ok {
		dirs[rel] = true // a folder without index.md, gone
	}
}

func under(p, dir string) bool {
	return len(p) > len(dir) && p[len(dir)] == '/' && strings.HasPrefix(p, dir)
}

// bundleOf returns the bundle folder that holds rel
// (content/partnerships/<name>/…), or "" when rel is not in one.
func bundleOf(rel string) string {
	rest, ok := strings.CutPrefix(rel, profilesDir+"/")
	if !ok {
		return ""
	}
	name, _, inside := strings.Cut(rest, "/")
	if !inside || strings.HasPrefix(name, ".") {
		return ""
	}
	return profilesDir + "/" + name
}

// isProfilePath reports whether rel is where a profile is kept:
// content/partnerships/<name>.md or content/partnerships/<name>/index.md.
func isProfilePath(rel string) bool {
	rest, ok := strings.CutPrefix(rel, profilesDir+"/")
	if !ok {
		return false
	}
	name, file, inside := strings.Cut(rest, "/")
	if strings.HasPrefix(name, ".") {
		return false
	}
	if inside {
		return file == "index.md"
	}
	return content.IsContentFile(name)
}

func readProblem(rel string, err error) content.Problem {
	return content.Problem{Path: rel, Line: 1, Col: 1, Message: "cannot read: " + shortErr(err)}
}

func shortErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
