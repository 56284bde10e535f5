package render

import (
	"context"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"regexp"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/markdown"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
)

// ProfileOptions say how Profile renders one page outside a build.
type ProfileOptions struct {
	Options // as for Render; the page is made whatever Unapproved says

	// Image, when set, rewrites the destination of every image of the
	// story, as markdown.Options.Image does (proof inlines bundle images
	// as data:image/… URIs with it).
	Image func(dest string) string
	// Absolute makes every link to a page of the site absolute, from
	// BaseURL, instead of root-relative: for a page read away from the
	// site, like a proof sent by email.
	Absolute bool
	// NoBanner leaves out the "Not yet approved" banner of an
	// unapproved profile (a proof has its own).
	NoBanner bool
	// Lang is the language of the page: a code of the site's languages;
	// "" is the default.
	Lang string
}

// Profile renders the page of p alone, with the theme's layouts, as Render
// writes it at p.URL()+"index.html", whatever p's review state. It returns
// the page and the view it was made from: every fact the page states,
// formatted as the page states it. Bundle files are not read.
func (r *Renderer) Profile(ctx context.Context, site *content.Site, siteFS fs.FS, p *content.Profile, opts ProfileOptions) (*Profile, []byte, error) {
	mem := output.NewMemory()
	b, err := r.newBuild(ctx, site, siteFS, opts.Options, mem)
	if err != nil {
		return nil, nil, err
	}
	basePath := b.base
	if opts.Absolute {
		b.base, basePath = b.opts.BaseURL, "/"
	}
	if opts.Lang != "" && opts.Lang != site.Config.Language {
		if !site.Config.HasLanguage(opts.Lang) {
			return nil, nil, fmt.Errorf("render: the site has no language %q", opts.Lang)
		}
		b, err = b.in(opts.Lang)
	} else {
		b, err = b.in("")
	}
	if err != nil {
		return nil, nil, err
	}
	b.md = markdown.New(markdown.Options{BasePath: basePath, Image: opts.Image})
	b.image = opts.Image
	q := *p
	q.BundleFiles = nil // the page only; nothing to copy
	v := b.profileView(&q)
	if opts.NoBanner {
		v.Review.Banner = false
	}
	if _, err := b.profilePage(&worker{}, &q, v); err != nil {
		return nil, nil, err
	}
	page, ok := mem.Get(urls.File(urls.In(b.code, p.URL())))
	if !ok {
		return nil, nil, fmt.Errorf("render: the page of %s was not written", p.Path)
	}
	if opts.Absolute {
		page = absolute(page, b.opts.BaseURL, p.URL())
	}
	return v, page, ctx.Err()
}

// absolute makes the links of page that are not absolute absolute, from
// baseURL (the site's, ending in "/"): a root-relative one (href="/about/",
// as the story's Markdown makes them with BasePath "/") from the site
// root, a relative one (href="guide.pdf") from the page at path below it.
// Links within the page (href="#notes"), protocol-relative ones and links
// with a scheme stay as they are. When baseURL is not absolute (a site
// without base_url), the other links lose their href: plain text.
func absolute(page []byte, baseURL, path string) []byte {
	pageURL, err := url.Parse(baseURL + path)
	if err != nil {
		return page
	}
	known := pageURL.IsAbs()
	return hrefRE.ReplaceAllFunc(page, func(m []byte) []byte {
		val := html.UnescapeString(string(m[len(` href="`) : len(m)-1]))
		u, err := url.Parse(val)
		switch {
		case err != nil || u.Scheme != "" || strings.HasPrefix(val, "#") || strings.HasPrefix(val, "//"):
			return m
		case !known:
			return nil
		case strings.HasPrefix(val, "/"):
			val = baseURL + val[1:]
		default:
			val = pageURL.ResolveReference(u).String()
		}
		return []byte(` href="` + html.EscapeString(val) + `"`)
	})
}

var hrefRE = regexp.MustCompile(` href="[^"]*"`)

// Stylesheet returns the theme's style.css: the site's
// themes/<theme>/static/style.css, or the built-in one.
func (r *Renderer) Stylesheet(siteFS fs.FS) ([]byte, error) {
	data, where, err := themeFile(siteFS, r.theme, "static/style.css")
	if err != nil {
		return nil, fmt.Errorf("render: %s: %w", where, err)
	}
	return data, nil
}
