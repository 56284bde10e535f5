// Package generator runs alongside's pipeline: open a site folder, load and
// validate it (package content), render every page (package render) and
// write them through one output.Writer — a folder swapped in atomically
// for `build`, memory for `serve`.
package generator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/internal/hugeheap"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/render"
	"github.com/alongside-dev/alongside/generator/review"
)

// Options says what to build.
type Options struct {
	Site       string // the site folder
	Dest       string // the output folder; default Site/public
	BaseURL    string // when set, replaces site.toml's base_url
	Unapproved bool   // publish every profile, unapproved ones with a banner
	// Force replaces Dest even when it holds files that no build wrote
	// (a .git is kept all the same).
	Force    bool
	Now      time.Time // the moment of the build (its day is the build date); zero means time.Now()
	Progress *Progress // when non-nil, counts profiles read and files written
	// CacheDir keeps what lets a build with nothing to do stop early;
	// "" means the user's cache folder + "/alongside". Without one that
	// can be written, every build is a full one.
	CacheDir string
}

// Result describes a finished build.
type Result struct {
	Profiles  int // profiles read
	Published int // profiles published
	Pages     int // HTML pages written
	Files     int // other files written: stylesheet, bundle files, data
	Linked    int // files unchanged since the last build, hard-linked
	Duration  time.Duration
	Warnings  content.Problems
	UpToDate  bool // nothing changed since the last build: the output was left as it was
}

// Summary is the one line `build` prints.
func (r *Result) Summary(dest string) string {
	if r.UpToDate {
		return fmt.Sprintf("Up to date: %d pages and %d other files from %d profiles (%d published) in %s → %s (nothing changed since the last build)",
			r.Pages, r.Files, r.Profiles, r.Published, roundDuration(r.Duration), dest)
	}
	return fmt.Sprintf("Built %d pages and %d other files from %d profiles (%d published) in %s → %s",
		r.Pages, r.Files, r.Profiles, r.Published, roundDuration(r.Duration), dest)
}

func roundDuration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// ContentError is returned when the site has errors; it holds all of them
// (and the warnings).
type ContentError struct{ Problems content.Problems }

func (e *ContentError) Error() string { return e.Problems.Errors().Summary() }

// OpenSite opens a site folder so that nothing read through it can leave
// the folder, not even by a symlink.
func OpenSite(dir string) (fs.FS, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("site folder %s: %w", dir, errors.Unwrap(err))
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("site folder %s is not a folder", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return newSiteFS(root), nil
}

// Load reads and validates the site in dir as of the day today. The error
// is a *ContentError when the site has errors.
func Load(dir string, today content.Date) (*content.Site, fs.FS, content.Problems, error) {
	return LoadContext(context.Background(), dir, today)
}

// LoadContext is Load, which stops soon after ctx is done with ctx's
// error.
func LoadContext(ctx context.Context, dir string, today content.Date) (*content.Site, fs.FS, content.Problems, error) {
	fsys, err := OpenSite(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	PrepareHeap(fsys)
	site, probs := content.Load(WithContext(ctx, fsys))
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}
	probs = append(probs, Check(fsys, site, today)...)
	probs.Sort()
	if err := ctx.Err(); err != nil {
		return nil, nil, nil, err
	}
	if len(probs.Errors()) > 0 {
		return site, fsys, probs, &ContentError{probs}
	}
	return site, fsys, probs, nil
}

func load(fsys fs.FS, today content.Date) (*content.Site, content.Problems, error) {
	site, probs := content.Load(fsys)
	probs = append(probs, Check(fsys, site, today)...)
	probs.Sort()
	if len(probs.Errors()) > 0 {
		return site, probs, &ContentError{probs}
	}
	return site, probs, nil
}

// Check returns the site-wide problems that need the whole model, beyond
// what content checks file by file, as of the day today. fsys is the site
// folder, read again for the positions of warnings.
func Check(fsys fs.FS, site *content.Site, today content.Date) content.Problems {
	probs := checkSite(review.NewChecker(fsys, site, today), site, func(*content.Profile) bool { return true })
	var codes []string
	for _, l := range site.Config.Languages {
		codes = append(codes, l.Code)
	}
	return append(probs, i18n.Check(fsys, site.Config.Theme, codes)...)
}

// checkSite is Check, reading the stories only of the profiles for which
// readStory is true.
func checkSite(c *review.Checker, site *content.Site, readStory func(*content.Profile) bool) content.Problems {
	// Every profile counts for [open_data], approved or not, so that
	// `check` warns before a draft with library money is approved.
	probs := export.Check(site, site.Profiles)
	return append(probs, c.Warnings(readStory)...)
}

// BaseURLWarning says, once, which files a build leaves out for want of
// an absolute base URL (see export.Which).
func BaseURLWarning(cfg *content.Config) content.Problems {
	if export.Absolute(cfg.BaseURL) {
		return nil
	}
	left := "feed.xml and sitemap.xml"
	if cfg.OpenData.Set() {
		left = "feed.xml, sitemap.xml and data/360giving.json"
	}
	return content.Problems{{Path: "site.toml", Line: 1, Col: 1, Warning: true, Field: "base_url",
		Message: "not set, so " + left + " are left out (they need the site's full address, and the data files have no page addresses): set base_url = \"https://…/\" in site.toml, or build with --base-url https://…/"}}
}

// Build loads the site, renders it into a new folder beside Dest and swaps
// that folder in only when everything succeeded. A failed or interrupted
// build leaves Dest as it was.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	if opts.Dest == "" {
		opts.Dest = filepath.Join(opts.Site, "public")
	}
	dest, err := resolveDest(opts.Dest)
	if err != nil {
		return nil, err
	}
	opts.Dest = dest // once: a link changed during the build changes nothing
	if err := checkDest(opts.Site, opts.Dest); err != nil {
		return nil, err
	}
	fsys, err := OpenSite(opts.Site)
	if err != nil {
		return nil, err
	}
	if opts.Now.IsZero() {
		opts.Now = start
	}
	today := content.DayOf(opts.Now)
	key, err := inputKey(fsys, &opts)
	if err != nil {
		return nil, err
	}
	state := statePath(opts.CacheDir, opts.Site, opts.Dest)
	if st, ok := upToDate(state, opts.Dest, key); ok {
		res := st.Result
		res.UpToDate, res.Linked, res.Duration, res.Warnings = true, res.Pages+res.Files, time.Since(start), st.Problems
		return &res, nil
	}
	PrepareHeap(fsys)
	loadFS := fsys // counts the profiles read, once each: not a second read
	if opts.Progress != nil {
		loadFS = countingFS{FS: fsys, p: opts.Progress}
	}
	site, probs := content.Load(WithContext(ctx, loadFS))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(probs.Errors()) > 0 {
		probs = append(probs, Check(fsys, site, today)...)
		probs.Sort()
		return nil, &ContentError{probs}
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit(len(site.Profiles))))
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	}
	// Check's warnings, but the stories of the profiles the build
	// publishes are checked as their pages are made, not read twice.
	checker := review.NewChecker(fsys, site, today)
	probs = append(probs, checkSite(checker, site, func(p *content.Profile) bool { return !opts.Unapproved && !p.Approved() })...)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var storyMu sync.Mutex
	story := func(p *content.Profile, body []byte) {
		if ps := checker.Story(p, body); len(ps) > 0 {
			storyMu.Lock()
			probs = append(probs, ps...)
			storyMu.Unlock()
		}
	}
	if opts.BaseURL != "" {
		if why := content.BaseURLProblem(opts.BaseURL); why != "" {
			return nil, fmt.Errorf("--base-url %q is not a web address like https://partners.example.org/ (%s)", opts.BaseURL, why)
		}
		if !strings.HasSuffix(opts.BaseURL, "/") {
			opts.BaseURL += "/"
		}
		site.Config.BaseURL = opts.BaseURL
	}
	probs = append(probs, BaseURLWarning(&site.Config)...)
	r, err := render.New(fsys, site.Config.Theme)
	if err != nil {
		return nil, err
	}
	dir, err := output.NewDir(opts.Dest)
	if err != nil {
		return nil, err
	}
	defer dir.Abort()
	var w output.Writer = dir
	if opts.Progress != nil {
		w = countingWriter{dir, opts.Progress}
	}
	// Stories not kept and bundle files are read again as pages are made.
	stats, err := r.Render(ctx, site, content.ProfileFiles(fsys), render.Options{
		BaseURL:    site.Config.BaseURL,
		Unapproved: opts.Unapproved,
		Now:        opts.Now,
		Story:      story,
		// Nothing reads the stories after their pages: the lists and the
		// data files are made with less memory held.
		StoriesWritten: site.ForgetStories,
	}, w)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !opts.Force {
		if err := checkForeign(opts.Dest, state, dir.Stamps()); err != nil {
			return nil, err
		}
	}
	removeState(state) // from here on, dest no longer matches it
	if err := dir.Commit(); err != nil {
		return nil, err
	}
	probs.Sort()
	res := &Result{
		Profiles:  len(site.Profiles),
		Published: len(site.Published(opts.Unapproved)),
		Pages:     stats.Pages,
		Files:     stats.Files,
		Linked:    int(dir.Linked()),
		Duration:  time.Since(start),
		Warnings:  probs.Warnings(),
	}
	saveState(state, key, res, dir.Stamps())
	return res, nil
}

// memoryLimit is the soft limit Build asks the Go runtime to keep its
// memory under for a site of n profiles, unless GOMEMLIMIT is set: 960
// MiB, or 10 KB a profile when that is more. A build holds about 4.5 KB
// a profile at its peak (the facts, and each profile's card until the
// lists are written), and the concurrent collector counts up to 7 KB of
// it as live (what is allocated while it marks); without a limit the
// runtime lets its heap grow to twice that, and a 100,000-profile build
// would pass 1.8 GB. Near the limit the runtime collects more often,
// which costs a large build some CPU time (at 100,000 profiles, a build
// held under 1 GiB took about 4 % longer than one at 1.8 GB) and a small
// one nothing.
func memoryLimit(n int) int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1) // leave it as it is
	}
	return max(960<<20, int64(n)*10<<10)
}

// PrepareHeap asks, once per process, for huge pages for the memory that
// loading and building the site in fsys fills (see hugeheap): call it
// before the whole site is read.
func PrepareHeap(fsys fs.FS) { hugeheap.Advise(heapEstimate(fsys)) }

// heapEstimate is about the most memory a build of the site in fsys
// holds, from the number of entries in content/partnerships (10,000
// profiles peaked at 280-300 MB), or 0 when that passes half the memory
// limit: the runtime then gives memory back to the system as the build
// runs, and huge pages made a build of 100,000 profiles slower, not
// faster.
func heapEstimate(fsys fs.FS) int64 {
	most := int(memoryLimit(0) / 2 / heapPerProfile) // memoryLimit(n) grows slower than n does
	if n := countEntries(fsys, "content/partnerships", most+1); n <= most {
		return int64(n) * heapPerProfile
	}
	return 0
}

// countEntries counts the entries of the folder dir, up to most, by their
// names alone where the file system can: a site opened with OpenSite
// looks up each entry's type too when listing it (35 ms for 10,000
// entries, where their names take 7).
func countEntries(fsys fs.FS, dir string, most int) int {
	f, err := fsys.Open(dir)
	if err != nil {
		return 0
	}
	defer f.Close()
	next := func() (int, error) { return 0, io.EOF }
	switch d := f.(type) {
	case interface{ Readdirnames(int) ([]string, error) }:
		next = func() (int, error) { names, err := d.Readdirnames(1024); return len(names), err }
	case fs.ReadDirFile:
		next = func() (int, error) { ents, err := d.ReadDir(1024); return len(ents), err }
	}
	n := 0
	for n < most {
		k, err := next()
		n += k
		if err != nil {
			break
		}
	}
	return min(n, most)
}

const heapPerProfile = 32 << 10

// gcPercent is the GOGC a build runs with, unless GOGC is set: between
// two collections the heap may grow to 2.5 times what is live, not twice.
// At 10,000 profiles a build then took about 5 % less time, with a peak of
// 285 MB instead of 233 MB (four runs each, alternated); the memory limit
// still bounds the heap of a large site.
const gcPercent = 150

// resolveDest returns dest as an absolute path, a symbolic link to a
// folder replaced by the folder: the build is swapped in at the target's
// parent, and the link is kept.
func resolveDest(dest string) (string, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	fi, err := os.Lstat(abs)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return abs, nil
	}
	target, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("the output folder %s is a link to a folder that does not exist; create it, or choose another with -d", dest)
	}
	return target, nil
}

// checkDest refuses an output folder whose swap would replace the site or
// its content: the site folder itself, a folder that holds it, a folder
// inside content/ or themes/, or one that holds the user's home folder.
func checkDest(site, dest string) error {
	s, err1 := filepath.Abs(site)
	d, err2 := filepath.Abs(dest)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(s); err == nil {
		s = real
	}
	inside := func(child, parent string) bool {
		rel, err := filepath.Rel(parent, child)
		return err == nil && (rel == "." || !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && rel != "..")
	}
	home, _ := os.UserHomeDir()
	switch {
	case inside(s, d):
		return fmt.Errorf("the output folder %s holds the site itself; choose another with -d", dest)
	case inside(d, filepath.Join(s, "content")), inside(d, filepath.Join(s, "themes")):
		return fmt.Errorf("the output folder %s is inside the site's content or themes; choose another with -d", dest)
	case home != "" && filepath.IsAbs(home) && inside(home, d):
		return fmt.Errorf("the output folder %s holds your home folder; choose another with -d", dest)
	}
	return nil
}

// checkForeign refuses to replace dest when it holds a file that neither
// the last build into it (as recorded in the state file state) nor this
// one (written) wrote: someone else's file, which the swap would delete.
// A .git at the top of dest is never in the way: it is carried over.
func checkForeign(dest, state string, written map[string]output.Stamp) error {
	ents, err := os.ReadDir(dest)
	if err != nil || len(ents) == 0 {
		return nil // missing or empty
	}
	known := map[string]bool{}
	if st, ok := readState(state); ok {
		for _, f := range st.Files {
			known[f] = true
		}
	}
	var foreign []string
	fsys := os.DirFS(dest)
	for _, e := range ents {
		if e.Name() == ".git" {
			continue
		}
		for _, s := range stamps(fsys, e.Name()) {
			if _, ok := written[s.path]; !ok && !known[s.path] {
				foreign = append(foreign, s.path)
			}
		}
		if e.IsDir() {
			if sub, err := fs.ReadDir(fsys, e.Name()); err == nil && len(sub) == 0 {
				foreign = append(foreign, e.Name()+"/") // an empty folder someone made
			}
		}
	}
	if len(foreign) == 0 {
		return nil
	}
	shown := strings.Join(foreign[:min(len(foreign), 3)], ", ")
	if len(foreign) > 3 {
		shown += fmt.Sprintf(" and %d more", len(foreign)-3)
	}
	return fmt.Errorf("the output folder %s holds files that alongside did not write (%s): a build replaces the whole folder and would delete them. "+
		"Move them away, choose an empty or new folder with -d, or build with --force to replace its contents (a .git folder is kept)", dest, shown)
}
