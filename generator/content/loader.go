package content

import (
	"bytes"
	"cmp"
	"errors"
	"hash/maphash"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/alongside-dev/alongside/generator/internal/parallel"
)

const (
	configPath  = "site.toml"
	homePath    = "content/_index.md"
	pagesDir    = "content/pages"
	profilesDir = "content/partnerships"
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
	l := NewLoader(fsys)
	l.Load()
	site := *l.Site() // not the Loader's own: its index of the files is let go
	return &site, l.Problems()
}

// A Loader reads a site and keeps it, so that Update re-reads and
// re-validates only what changed (`serve` keeps one between builds).
// After Load and after each Update, Site and Problems are what Load(fsys)
// would return for the files on disk, provided Update was told every
// path that changed. A Loader is not safe for concurrent use.
type Loader struct {
	fsys fs.FS
	seed maphash.Seed

	site    Site
	files   map[string]*file      // site.toml and each content file, by path
	bundles map[string][]string   // bundle folder → its files (as Profile.BundleFiles)
	bySlug  map[string][]*Profile // each parsed profile, by slug, ordered by path
	probs   map[string]Problems   // by file path, "dir:" folder, "slug:" file, "themes/"; only non-empty
	themeAt pos                   // where site.toml sets the theme

	changes changes // of the Load or Update running
}

// A file is one file as last read.
type file struct {
	size    int64
	mtime   int64 // UnixNano
	hash    uint64
	data    []byte // the bytes read; kept only while the file has errors (see Source)
	profile *Profile
	page    *Page
	// translations are the paths of a profile's or page's translation
	// files read with it.
	translations []string
}

func (f *file) translationPaths() []string {
	if f == nil {
		return nil
	}
	return f.translations
}

// changes is what changed during one Load or Update.
type changes struct {
	full     bool
	home     bool
	pages    map[string]bool     // content pages, by path
	profiles map[string]*Profile // slug → its profile before (nil: none)
}

// NewLoader returns a Loader of the site in fsys; call Load first.
func NewLoader(fsys fs.FS) *Loader {
	l := &Loader{fsys: fsys, seed: maphash.MakeSeed()}
	l.clear()
	return l
}

func (l *Loader) clear() {
	l.site = Site{Config: Defaults(), Home: &Page{Path: homePath}}
	l.files = map[string]*file{}
	l.bundles = map[string][]string{}
	l.bySlug = map[string][]*Profile{}
	l.probs = map[string]Problems{}
	l.begin()
}

func (l *Loader) begin() {
	l.changes = changes{pages: map[string]bool{}, profiles: map[string]*Profile{}}
}

// Site returns the site as last read. It is the same *Site after every
// Update, which changes it in place: its Config, Home, Pages and
// Profiles are replaced, never a Profile or a Page.
func (l *Loader) Site() *Site { return &l.site }

// Problems returns every problem of the site as last read, sorted.
func (l *Loader) Problems() Problems {
	var all Problems
	for _, ps := range l.probs {
		all = append(all, ps...)
	}
	all.Sort()
	return all
}

// Source returns the bytes of the file rel (slash-separated, relative to
// the site) as last read when it had errors, else as it is now (for an
// error found across files); nil when it cannot be read, or is over 1 MB.
func (l *Loader) Source(rel string) []byte {
	if f := l.files[rel]; f != nil && f.data != nil {
		return f.data
	}
	if f, err := l.read(rel); err == nil && f != nil && f.size < 1<<20 {
		return f.data
	}
	return nil
}

// StoryBudget is how many bytes of stories Load keeps in memory (see
// Profile.ReadBody), all or none: those of a site of about 15,000
// profiles. A larger site reads each story again for its page anyway, and
// some of them kept would only leave a build less memory to work in.
// Update keeps none: a profile it reads reads its story again when
// rendered.
const StoryBudget = 64 << 20

// Load reads the whole site again, reading and parsing the profiles on
// all cores. It returns a full Change.
func (l *Loader) Load() Change {
	l.clear()
	l.updateConfig()
	l.loadPages()
	l.loadProfiles(l.profileJobs())
	return Change{Full: true}
}

// loadPages reads the home page and the content pages.
func (l *Loader) loadPages() {
	l.updatePage(homePath)
	ents, err := fs.ReadDir(l.fsys, pagesDir)
	l.setProbs("dir:"+pagesDir, dirProblems(pagesDir, err))
	var ignored Problems
	names := map[string]bool{}
	for _, e := range ents {
		names[e.Name()] = true
	}
	for _, e := range ents {
		if e.IsDir() || !isContentFile(e.Name()) {
			ignored = append(ignored, ignoredName(pagesDir, e)...)
			continue
		}
		rel := pagesDir + "/" + e.Name()
		if src, code, ok := TranslationOf(e.Name()); ok {
			if why := l.orphan(rel, code, names[src]); why != nil {
				ignored = append(ignored, *why)
			}
			continue // read with its source
		}
		l.updatePage(rel)
	}
	l.setProbs("ignored:"+pagesDir, ignored)
}

// A profileJob is one profile file to read: its own, or a bundle's.
type profileJob struct {
	rel    string // the profile file
	dir    string // its bundle folder, or ""
	ok     bool   // the bundle folder has an index.md
	files  []string
	trans  []string // the paths of its translations
	bprobs Problems // the bundle folder's
	f      *file
	tfiles []*file // its translations as read, by trans index (nil: unreadable)
	probs  Problems
}

// profileJobs lists the profile files of content/partnerships.
func (l *Loader) profileJobs() []profileJob {
	ents, err := fs.ReadDir(l.fsys, profilesDir)
	l.setProbs("dir:"+profilesDir, dirProblems(profilesDir, err))
	jobs := make([]profileJob, 0, len(ents))
	names := make(map[string]bool, len(ents))
	for _, e := range ents {
		names[e.Name()] = true
	}
	trans := map[string][]string{}
	var ignored Problems
	for _, e := range ents {
		name := e.Name()
		rel := profilesDir + "/" + name
		if isContentFile(name) && !e.IsDir() {
			if src, code, ok := TranslationOf(name); ok {
				if why := l.orphan(rel, code, names[src]); why != nil {
					l.setProbs("orphan:"+rel, Problems{*why})
				} else {
					trans[src] = append(trans[src], rel)
				}
				continue
			}
		}
		switch {
		case strings.HasPrefix(name, "."):
		case e.IsDir():
			jobs = append(jobs, profileJob{rel: rel + "/index.md", dir: rel})
		case isContentFile(name):
			jobs = append(jobs, profileJob{rel: rel})
		}
		ignored = append(ignored, ignoredName(profilesDir, e)...)
	}
	for i := range jobs {
		if jobs[i].dir == "" {
			jobs[i].trans = trans[path.Base(jobs[i].rel)]
		}
	}
	l.setProbs("ignored:"+profilesDir, ignored)
	return jobs
}

// orphan says why the translation file rel, into code, is not read: its
// language is not the site's, or its source does not exist; nil when it
// is read.
func (l *Loader) orphan(rel, code string, sourceExists bool) *Problem {
	switch {
	case !l.site.Config.HasLanguage(code):
		return &Problem{Path: rel, Line: 1, Col: 1, Warning: true,
			Message: "not read: this looks like a translation into " + quote(code) + ", which is not one of the site's languages (add [languages." + code + "] to site.toml); a profile's file name has no dots"}
	case !sourceExists:
		src, _, _ := sourceOfTranslation(rel)
		return &Problem{Path: rel, Line: 1, Col: 1, Warning: true,
			Message: "not read: this is a translation of " + src + ", which does not exist (a translation is named after its source: " + path.Base(TranslationPath(src, code)) + ")"}
	}
	return nil
}

// loadProfiles reads and parses the profiles of jobs on all cores, and
// makes them the site's.
func (l *Loader) loadProfiles(jobs []profileJob) {
	cfg := l.site.Config
	var kept atomic.Int64
	l.inProfiles(len(jobs), func(i int) {
		j := &jobs[i]
		if j.dir != "" {
			var names []string
			if j.files, names, j.ok, j.bprobs = readBundle(l.fsys, j.dir); !j.ok {
				return
			}
			j.trans, j.bprobs = l.bundleTranslations(j.dir, names, j.bprobs)
		}
		j.f, j.tfiles, j.probs = l.readProfile(j.rel, j.files, j.trans, &cfg, &kept)
	})
	for _, j := range jobs {
		if j.dir != "" {
			if j.ok {
				l.bundles[j.dir] = j.files
			}
			l.setProbs("dir:"+j.dir, j.bprobs)
		}
		l.setProbs(j.rel, j.probs)
		l.keepTranslations(j.trans, j.tfiles)
		if j.f == nil {
			continue
		}
		l.files[j.rel] = j.f
		if p := j.f.profile; p != nil {
			l.bySlug[p.Slug] = append(l.bySlug[p.Slug], p)
		}
	}
	for slug, ps := range l.bySlug {
		slices.SortFunc(ps, func(a, b *Profile) int { return strings.Compare(a.Path, b.Path) })
		l.site.Profiles = append(l.site.Profiles, ps[0])
		l.checkSlug(slug)
	}
	slices.SortFunc(l.site.Profiles, func(a, b *Profile) int { return strings.Compare(a.Slug, b.Slug) })
	if kept.Load() > StoryBudget {
		l.site.ForgetStories()
	}
}

// inProfiles runs read(0) … read(n-1) on all cores, reading the site
// through ProfileFiles: fewer steps to open each file. It is let go after
// each batch, so that a folder replaced meanwhile is never read through
// an old handle.
func (l *Loader) inProfiles(n int, read func(i int)) {
	site := l.fsys
	l.fsys = ProfileFiles(site)
	defer func() { l.fsys = site }()
	parallel.For(n, read)
}

// read reads rel. It returns nil and no error when the file does not
// exist, or is a folder; otherwise as readFile.
func (l *Loader) read(rel string) (*file, error) {
	data, fi, err := readFile(l.fsys, rel)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, nil
	}
	return &file{size: fi.Size(), mtime: fi.ModTime().UnixNano(), hash: maphash.Bytes(l.seed, data), data: data}, nil
}

// readFile reads the content file rel, and returns what it was when
// opened: no data for a folder. A named pipe, a device or a socket is
// ErrNotFile, found before opening it (opening a pipe would wait for a
// writer forever), or by the file system's Open when it is a PlainFS. A
// file larger than maxFile, or that grows past it as it is read, is
// errTooLarge, and no more of it is read.
func readFile(fsys fs.FS, rel string) ([]byte, fs.FileInfo, error) {
	if !Plain(fsys) {
		if fi, err := fs.Stat(fsys, rel); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
			return nil, nil, ErrNotFile
		}
	}
	f, err := fsys.Open(rel)
	if err != nil {
		if errors.Is(err, ErrNotFile) {
			err = ErrNotFile
		}
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.IsDir() {
		return nil, fi, err
	}
	data, err := ReadAtMost(f, fi.Size(), maxFile, errTooLarge)
	return data, fi, err
}

// ReadAtMost reads r, which says it holds size bytes, whole, unless it
// holds more than limit bytes: then it is tooLarge, found from size
// before reading or as r grows past limit, and no more of it is read.
func ReadAtMost(r io.Reader, size, limit int64, tooLarge error) ([]byte, error) {
	if size > limit {
		return nil, tooLarge
	}
	var b bytes.Buffer
	b.Grow(int(size) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(b.Len()) > limit {
		return nil, tooLarge
	}
	return b.Bytes(), nil
}

// readProfile reads and parses a profile file and its translations (the
// files at trans); it is nil when the file is gone. The profile keeps its
// story while kept stays in StoryBudget; kept nil keeps none. tfiles are
// the translations as read, by trans index.
func (l *Loader) readProfile(rel string, bundleFiles, trans []string, cfg *Config, kept *atomic.Int64) (f *file, tfiles []*file, probs Problems) {
	f, err := l.read(rel)
	if err != nil {
		return nil, nil, Problems{readProblem(rel, err)}
	}
	if f == nil {
		return nil, nil, nil
	}
	tfiles, probs = l.parseProfile(f, rel, bundleFiles, trans, cfg, kept)
	return f, tfiles, probs
}

// parseProfile parses f, the profile file rel as read, and reads its
// translations (see readProfile).
func (l *Loader) parseProfile(f *file, rel string, bundleFiles, trans []string, cfg *Config, kept *atomic.Int64) (tfiles []*file, probs Problems) {
	probs, story := f.parseProfile(l.fsys, rel, bundleFiles, cfg, kept)
	f.translations = trans
	tfiles = make([]*file, len(trans))
	if p := f.profile; p != nil {
		for i, tr := range trans {
			var tprobs Problems
			tfiles[i], tprobs = l.readTranslation(tr, p, story)
			probs = append(probs, tprobs...)
		}
	}
	return tfiles, probs
}

// readTranslation reads the translation at rel of p, whose story is
// story, and adds it to p.Translations.
func (l *Loader) readTranslation(rel string, p *Profile, story []byte) (*file, Problems) {
	_, code, _ := TranslationOf(path.Base(rel))
	f, err := l.read(rel)
	if err != nil {
		return nil, Problems{readProblem(rel, err)}
	}
	if f == nil {
		return nil, nil
	}
	tr, probs := parseTranslation(rel, code, f.data, false)
	f.data = nil
	if tr == nil {
		return f, probs
	}
	probs = append(probs, checkTranslation(tr, p, story)...)
	if len(probs.Errors()) == 0 {
		if p.Translations == nil {
			p.Translations = map[string]*Translation{}
		}
		p.Translations[code] = tr
	}
	return f, probs
}

// keepTranslations records the translation files read, for Update to
// tell a changed one; a file's problems are kept with its source's.
func (l *Loader) keepTranslations(trans []string, tfiles []*file) {
	for i, rel := range trans {
		if i < len(tfiles) && tfiles[i] != nil {
			l.files[rel] = tfiles[i]
		} else {
			delete(l.files, rel)
		}
	}
}

// bundleTranslations are the paths of the translations names (of
// index.md in the bundle dir) that the site reads, and probs with a
// warning about each of the others.
func (l *Loader) bundleTranslations(dir string, names []string, probs Problems) ([]string, Problems) {
	var trans []string
	for _, name := range names {
		_, code, _ := TranslationOf(name)
		if why := l.orphan(dir+"/"+name, code, true); why != nil {
			probs = append(probs, *why)
		} else {
			trans = append(trans, dir+"/"+name)
		}
	}
	return trans, probs
}

// checkOrphans warns about each translation of the profile file rel (not
// in a bundle) while rel does not exist, and clears the warnings when it
// does.
func (l *Loader) checkOrphans(rel string) {
	_, err := fs.Stat(l.fsys, rel)
	for _, lang := range l.site.Config.Others() {
		tr := TranslationPath(rel, lang.Code)
		l.setProbs("orphan:"+tr, nil)
		if _, terr := fs.Stat(l.fsys, tr); terr == nil && err != nil {
			l.setProbs("orphan:"+tr, Problems{*l.orphan(tr, lang.Code, false)})
		}
	}
}

// flatTranslations are the paths of the translations of the profile file
// rel (not in a bundle) that exist.
func (l *Loader) flatTranslations(rel string) []string {
	var trans []string
	for _, lang := range l.site.Config.Others() {
		tr := TranslationPath(rel, lang.Code)
		if fi, err := fs.Stat(l.fsys, tr); err == nil && !fi.IsDir() {
			trans = append(trans, tr)
		}
	}
	return trans
}

func (f *file) parseProfile(fsys fs.FS, rel string, bundleFiles []string, cfg *Config, kept *atomic.Int64) (Problems, []byte) {
	p, probs, story := parseProfile(rel, f.data, cfg)
	if p != nil {
		p.BundleFiles = bundleFiles
		probs = append(probs, p.addBundle(fsys)...)
		if p.BundleDir != "" {
			probs = append(probs, p.checkPhotos()...)
		}
		if kept != nil && len(story) > 0 && kept.Add(int64(len(story))) <= StoryBudget {
			p.story = bytes.Clone(story) // not the file's bytes, which hold [private]
		}
	}
	f.profile = p
	f.keep(probs)
	return probs, story
}

// keep drops the bytes read unless the file has errors.
func (f *file) keep(probs Problems) {
	if len(probs.Errors()) == 0 {
		f.data = nil
	}
}

func (l *Loader) setProbs(key string, probs Problems) {
	if len(probs) == 0 {
		delete(l.probs, key)
	} else {
		l.probs[key] = probs
	}
}

// updateConfig reads site.toml and checks the theme folder.
func (l *Loader) updateConfig() {
	l.site.Config = Defaults()
	l.themeAt = pos{line: 1, col: 1}
	delete(l.files, configPath)
	var probs Problems
	f, err := l.read(configPath)
	switch {
	case err != nil:
		probs = append(probs, readProblem(configPath, err))
	case f != nil:
		l.site.Config, probs = ParseConfig(configPath, f.data)
		if l.site.Config.Theme != "default" {
			l.themeAt.line, l.themeAt.col = keyPos(f.data, "theme")
		}
		f.keep(probs)
		l.files[configPath] = f
	}
	l.setProbs(configPath, probs)
	l.checkTheme()
}

// checkTheme reports a theme that has no folder.
func (l *Loader) checkTheme() {
	const key = "themes/"
	l.setProbs(key, nil)
	if t := l.site.Config.Theme; t != "default" {
		if fi, err := fs.Stat(l.fsys, "themes/"+t); err != nil || !fi.IsDir() {
			l.setProbs(key, Problems{{Path: configPath, Line: l.themeAt.line, Col: l.themeAt.col, Field: "theme",
				Message: "there is no themes/" + t + "/ folder (use \"default\" for the built-in theme)"}})
		}
	}
}

// updatePage reads the home page or a content page. It reports whether
// the navigation of every page may have changed.
func (l *Loader) updatePage(rel string) (nav bool) {
	home := rel == homePath
	var old *Page
	if f := l.files[rel]; f != nil {
		old = f.page
	}
	f, err := l.read(rel)
	var probs Problems
	switch {
	case err != nil:
		probs = Problems{readProblem(rel, err)}
		f = nil
	case f != nil:
		f.page, probs = ParsePage(rel, f.data, home)
		f.keep(probs)
		if f.page != nil {
			if !home && l.site.Config.HasLanguage(f.page.Name) {
				probs = append(probs, Problem{Path: rel, Line: 1, Col: 1, Field: "name",
					Message: "/" + f.page.Name + "/ is where the site's pages in that language are published; rename the file"})
			}
			probs = append(probs, l.pageTranslations(f.page)...)
		}
	}
	l.setProbs(rel, probs)
	if f == nil {
		delete(l.files, rel)
	} else {
		l.files[rel] = f
	}
	var pg *Page
	if f != nil {
		pg = f.page
	}
	if home {
		if pg == nil {
			pg = &Page{Path: homePath}
		}
		l.site.Home = pg
		l.changes.home = true
		return false
	}
	if i := slices.Index(l.site.Pages, old); old != nil && i >= 0 {
		l.site.Pages = slices.Delete(l.site.Pages, i, i+1)
	}
	if pg != nil {
		l.site.Pages = append(l.site.Pages, pg)
	}
	slices.SortStableFunc(l.site.Pages, func(a, b *Page) int {
		if a.HasWeight != b.HasWeight {
			if a.HasWeight {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Name, b.Name))
	})
	l.changes.pages[rel] = true
	if old == nil || pg == nil {
		return true // a page added or removed: lists, links and the navigation
	}
	return (old.HasWeight || pg.HasWeight) && (old.HasWeight != pg.HasWeight || old.Title != pg.Title || old.Weight != pg.Weight)
}

// pageTranslations reads the translations of the page pg that exist and
// adds them to pg.Translations.
func (l *Loader) pageTranslations(pg *Page) Problems {
	var probs Problems
	for _, lang := range l.site.Config.Others() {
		rel := TranslationPath(pg.Path, lang.Code)
		f, err := l.read(rel)
		switch {
		case err != nil:
			probs = append(probs, readProblem(rel, err))
			continue
		case f == nil:
			continue
		}
		tr, tprobs := parseTranslation(rel, lang.Code, f.data, true)
		if tr != nil {
			tprobs = append(tprobs, tr.stale(TextPrint(nil, pg.Title, pg.Summary, pg.Body), pg.Path)...)
		}
		probs = append(probs, tprobs...)
		if tr != nil && len(tprobs.Errors()) == 0 {
			if pg.Translations == nil {
				pg.Translations = map[string]*Translation{}
			}
			pg.Translations[lang.Code] = tr
		}
	}
	return probs
}

// isPagePath reports whether rel is the home page or a content page.
func isPagePath(rel string) bool {
	return rel == homePath || path.Dir(rel) == pagesDir && isContentFile(path.Base(rel))
}

// setProfile records that the profile file rel now holds p (nil: no
// profile) and keeps the slug index, the site's profiles and the
// duplicate-slug problems up to date.
func (l *Loader) setProfile(rel string, p *Profile) {
	var old *Profile
	if f := l.files[rel]; f != nil {
		old = f.profile
	}
	if old == p {
		return
	}
	if old != nil {
		l.note(old.Slug)
		l.setProbs("slug:"+old.Path, nil)
		ps := l.bySlug[old.Slug]
		if i := slices.Index(ps, old); i >= 0 {
			ps = slices.Delete(ps, i, i+1)
		}
		if len(ps) == 0 {
			delete(l.bySlug, old.Slug)
		} else {
			l.bySlug[old.Slug] = ps
		}
	}
	if p != nil {
		l.note(p.Slug)
		ps := l.bySlug[p.Slug]
		i, _ := slices.BinarySearchFunc(ps, p.Path, func(q *Profile, path string) int { return strings.Compare(q.Path, path) })
		l.bySlug[p.Slug] = slices.Insert(ps, i, p)
	}
	if old != nil {
		l.fixSlug(old.Slug)
	}
	if p != nil && (old == nil || p.Slug != old.Slug) {
		l.fixSlug(p.Slug)
	}
}

// note remembers slug's profile before the Update first changes it.
func (l *Loader) note(slug string) {
	if _, ok := l.changes.profiles[slug]; !ok {
		l.changes.profiles[slug] = l.winner(slug)
	}
}

// winner is the profile published under slug: the first by path.
func (l *Loader) winner(slug string) *Profile {
	if ps := l.bySlug[slug]; len(ps) > 0 {
		return ps[0]
	}
	return nil
}

// fixSlug puts slug's winner in site.Profiles (ordered by slug) and
// reports the duplicates.
func (l *Loader) fixSlug(slug string) {
	ps := l.site.Profiles
	i, found := slices.BinarySearchFunc(ps, slug, func(p *Profile, s string) int { return strings.Compare(p.Slug, s) })
	switch w := l.winner(slug); {
	case w == nil && found:
		l.site.Profiles = slices.Delete(ps, i, i+1)
	case w != nil && found:
		ps[i] = w
	case w != nil:
		l.site.Profiles = slices.Insert(ps, i, w)
	}
	l.checkSlug(slug)
}

// checkSlug reports every profile of slug but the first (by path) as a
// duplicate, at line 1, naming the first; and clears the report of the
// others.
func (l *Loader) checkSlug(slug string) {
	ps := l.bySlug[slug]
	for i, p := range ps {
		key := "slug:" + p.Path
		if i == 0 {
			l.setProbs(key, nil)
			continue
		}
		l.setProbs(key, Problems{{Path: p.Path, Line: 1, Col: 1, Field: "slug",
			Message: quote(p.Slug) + " is already the slug of " + ps[0].Path + " (every partnership needs its own slug)"}})
	}
}

// end returns what changed since begin.
func (l *Loader) end() Change {
	c := Change{Full: l.changes.full, Home: l.changes.home}
	if !c.Full {
		for rel := range l.changes.pages {
			if f := l.files[rel]; f != nil && f.page != nil {
				c.Pages = append(c.Pages, f.page)
			}
		}
		for slug, old := range l.changes.profiles {
			if now := l.winner(slug); now != old {
				c.Profiles = append(c.Profiles, ProfileChange{Old: old, New: now})
			}
		}
		slices.SortFunc(c.Profiles, func(a, b ProfileChange) int { return strings.Compare(a.slug(), b.slug()) })
	}
	l.begin()
	return c
}

// Update reads again what may have changed: paths relative to the site
// (slash-separated), each a file or a folder (everything in it), there
// or gone. It reads what is on disk now, whatever happened to get there:
// a path may have been written, created, removed or renamed over, any
// number of times. A change to site.toml reads the whole site again.
func (l *Loader) Update(paths []string) Change {
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
	retranslate := map[string]bool{} // profile files whose translations changed
	for _, rel := range paths {
		switch {
		case rel == configPath:
			config = true
		case rel == "themes" || strings.HasPrefix(rel, "themes/"), rel == "i18n" || strings.HasPrefix(rel, "i18n/"):
			theme = true // the layouts or UI strings of every page
		case rel == "content" || strings.HasPrefix(rel, "content/"):
			if b := bundleOf(rel); b != "" {
				dirs[b] = true
			}
			fi, err := fs.Lstat(l.fsys, rel)
			switch {
			case err == nil && fi.IsDir():
				l.rescan(rel, add, dirs)
			case err == nil || l.files[rel] != nil:
				add(rel) // a file, there or gone
			default:
				add(rel) // gone, and perhaps a folder
				l.forgetUnder(rel, add, dirs)
			}
		}
	}
	if config {
		return l.Load() // the currency and valuation change every profile
	}
	l.begin()
	if theme {
		l.changes.full = true
		l.checkTheme()
	}
	cfg := &l.site.Config
	for i := 0; i < len(files); i++ { // files grows: a translation's source is read after it
		rel := files[i]
		if src, code, ok := sourceOfTranslation(rel); ok && isPagePath(src) {
			if l.updatePage(src) {
				l.changes.full = true
			}
			continue
		} else if ok && bundleOf(rel) != "" { // its folder is read again below
			retranslate[bundleOf(rel)+"/index.md"] = true
			continue
		} else if ok {
			l.setProbs("orphan:"+rel, nil)
			if _, err := fs.Stat(l.fsys, rel); err == nil {
				_, serr := fs.Stat(l.fsys, src)
				if why := l.orphan(rel, code, serr == nil); why != nil {
					l.setProbs("orphan:"+rel, Problems{*why})
					continue
				}
			}
			retranslate[src] = true
			add(src)
			continue
		}
		switch {
		case isPagePath(rel):
			if l.updatePage(rel) {
				l.changes.full = true
			}
		case isProfilePath(rel):
			b := bundleOf(rel)
			switch f := l.files[rel]; {
			case b == "":
				l.reparse(rel, nil, l.flatTranslations(rel), cfg, false, retranslate[rel])
				l.checkOrphans(rel)
			case dirs[b]: // below
			case f != nil && f.profile != nil:
				dirs[b] = true // to list its translations
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
		files, names, ok, probs := readBundle(l.fsys, dir)
		trans, probs := l.bundleTranslations(dir, names, probs)
		l.setProbs("dir:"+dir, probs)
		if ok {
			l.bundles[dir] = files
		} else {
			delete(l.bundles, dir)
		}
		l.reparse(dir+"/index.md", files, trans, cfg, copies[dir], retranslate[dir+"/index.md"])
	}
	return l.end()
}

// reparse reads the profile file rel again and, if it changed, parses it
// with its translations (at trans). copies says that a file of its bundle
// changed: the profile counts as changed even when its own bytes did not.
// retranslate says that a translation changed: it is parsed again.
func (l *Loader) reparse(rel string, bundleFiles, trans []string, cfg *Config, copies, retranslate bool) {
	old := l.files[rel]
	if old != nil && old.profile != nil && !slices.Equal(old.translations, trans) {
		retranslate = true // one added or removed
	}
	f, err := l.read(rel)
	switch {
	case err != nil, f == nil:
		l.setProfile(rel, nil)
		l.keepTranslations(old.translationPaths(), nil)
		delete(l.files, rel)
		var probs Problems
		if err != nil {
			probs = Problems{readProblem(rel, err)}
		}
		l.setProbs(rel, probs)
		return
	case !retranslate && old != nil && old.hash == f.hash && old.size == f.size && slices.Equal(old.bundleFiles(), bundleFiles):
		old.mtime = f.mtime // touched, not changed
		if copies && old.profile != nil {
			p := *old.profile // a new profile, for the render to see a change
			if ps := p.addBundle(l.fsys); len(ps) > 0 {
				l.setProbs(rel, append(slices.Clone(l.probs[rel]), ps...))
			}
			l.setProfile(rel, &p)
			old.profile = &p
		}
		return
	}
	l.keepTranslations(old.translationPaths(), nil)
	tfiles, probs := l.parseProfile(f, rel, bundleFiles, trans, cfg, nil)
	l.keepTranslations(trans, tfiles)
	l.setProfile(rel, f.profile)
	l.files[rel] = f
	l.setProbs(rel, probs)
}

// ignoredName warns about an entry of dir that looks like a content file
// but is not read: "x.MD", "x.Md" (only ".md" is).
func ignoredName(dir string, e fs.DirEntry) Problems {
	name := e.Name()
	ext := path.Ext(name)
	if e.IsDir() || ext == ".md" || !strings.EqualFold(ext, ".md") || strings.HasPrefix(name, ".") {
		return nil
	}
	return Problems{{Path: dir + "/" + name, Line: 1, Col: 1, Warning: true,
		Message: "ignored: only files ending in \".md\" (lower-case) are read; rename it to " + strings.TrimSuffix(name, ext) + ".md"}}
}

// addBundle adds the files of p's bundle to its fingerprint when an
// approval recorded one, the only time it is compared (reading every
// bundle file costs a build time otherwise). A file that cannot be read
// is a problem: the approval cannot be vouched for.
func (p *Profile) addBundle(fsys fs.FS) Problems {
	if p.BundleDir == "" || p.Review.Fingerprint == "" {
		return nil
	}
	if p.textPrint == "" {
		p.textPrint = p.Fingerprint
	}
	digest, err := BundleDigest(fsys, p.BundleDir, p.BundleFiles)
	if err != nil {
		return Problems{readProblem(p.BundleDir, err)}
	}
	p.Fingerprint = WithBundle(p.textPrint, digest)
	return nil
}

func (f *file) bundleFiles() []string {
	if f.profile == nil {
		return nil
	}
	return f.profile.BundleFiles
}

// rescan adds every content file under the folder rel that is new, gone,
// or of another size or time, and every bundle folder in it.
func (l *Loader) rescan(rel string, add func(string), dirs map[string]bool) {
	found := map[string]bool{}
	fs.WalkDir(l.fsys, rel, func(p string, d fs.DirEntry, err error) error {
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
		f := l.files[p]
		if f == nil {
			add(p)
			return nil
		}
		if fi, err := d.Info(); err != nil || fi.Size() != f.size || fi.ModTime().UnixNano() != f.mtime {
			add(p)
		}
		return nil
	})
	for p := range l.files {
		if under(p, rel) && !found[p] {
			add(p)
		}
	}
	for b := range l.bundles {
		if under(b, rel) || b == rel {
			dirs[b] = true
		}
	}
}

// forgetUnder adds every known file and bundle folder in rel, which is
// no longer a folder.
func (l *Loader) forgetUnder(rel string, add func(string), dirs map[string]bool) {
	for p := range l.files {
		if under(p, rel) {
			add(p)
		}
	}
	for b := range l.bundles {
		if under(b, rel) || b == rel {
			dirs[b] = true
		}
	}
	if _, ok := l.probs["dir:"+rel]; ok {
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
	return isContentFile(name)
}

// A PlainFS is a file system that can say its Open refuses at once, with
// an error that wraps ErrNotFile, whatever is neither a plain file nor a
// folder (generator.OpenSite's does). Load then opens each file without
// first asking what it is: one step instead of two per file.
type PlainFS interface {
	fs.FS
	PlainOnly() bool
}

// Plain reports whether fsys is a PlainFS that says so.
func Plain(fsys fs.FS) bool {
	p, ok := fsys.(PlainFS)
	return ok && p.PlainOnly()
}
