package content

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// Config is site.toml. Every key is optional; Defaults gives the values
// used for keys a site leaves out.
type Config struct {
	Title           string
	Library         string
	BaseURL         string // always ends in "/"
	Language        string
	Currency        string
	FiscalYearStart MonthDay
	Theme           string
	Corrections     string // a mailto: or http(s) address, or ""
	Valuation       Valuation
	OpenData        OpenData
	Measures        []Measure // [measures.<id>], in the order written
	// Languages are the site's languages: Language first, then each
	// [languages.<code>] in the order written (SPEC §2a).
	Languages []Language
}

// A Language is one language a site is published in.
type Language struct {
	Code  string // BCP 47: "es", "so", "ar"
	Name  string // its name in itself ("Español"); "" when site.toml gives none
	Title string // the site's title in it; "" means Config.Title
}

// Others are the site's languages but the default.
func (c *Config) Others() []Language { return c.Languages[1:] }

// HasLanguage reports whether code is one of the site's languages other
// than the default.
func (c *Config) HasLanguage(code string) bool {
	for _, l := range c.Others() {
		if l.Code == code {
			return true
		}
	}
	return false
}

// Valuation is the money value of one unit of in-kind support, in the
// site currency. A rate of 0 means "not valued".
type Valuation struct {
	StaffTime float64 // per staff hour
	Space     float64 // per room-hour
}

// OpenData is [open_data]: the licence of the data files and who
// publishes them, and the identifiers of the 360Giving export.
type OpenData struct {
	GrantPrefix      string // "360G-…": the prefix of every grant id
	FunderID         string // the library's org-id.guide identifier
	License          string // the canonical address of the data's licence, or ""
	PublisherName    string // who publishes the data; "" means the library
	PublisherWebsite string // an http(s) address, or ""
	Line             int    // the line of [open_data] in site.toml; 0 without one
}

// Set reports whether the 360Giving export is configured.
func (o OpenData) Set() bool { return o.GrantPrefix != "" && o.FunderID != "" }

// Publisher is who publishes the data: PublisherName, else the library.
func (c *Config) Publisher() string {
	if c.OpenData.PublisherName != "" {
		return c.OpenData.PublisherName
	}
	return c.Library
}

// MonthDay is the first day of the fiscal year.
type MonthDay struct {
	Month int // 1–12
	Day   int // 1–31
}

func (md MonthDay) String() string { return fmt.Sprintf("%02d-%02d", md.Month, md.Day) }

// Defaults returns the settings of a site without site.toml.
func Defaults() Config {
	return Config{
		Title:           "Library partnerships",
		Library:         "The library",
		BaseURL:         "/",
		Language:        "en",
		Currency:        "USD",
		FiscalYearStart: MonthDay{1, 1},
		Theme:           "default",
		Languages:       []Language{{Code: "en"}},
	}
}

// BasePath is the path of BaseURL: "/" or "/some/folder/".
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// ParseConfig reads site.toml. path is used in problems.
func ParseConfig(path string, data []byte) (Config, Problems) {
	cfg := Defaults()
	d := &decoder{path: path, openLine: 1}
	text, err := utf8Text(data)
	if err != nil {
		d.problems = append(d.problems, splitProblem(path, err))
		return cfg, d.problems
	}
	m, ok := d.decodeTOML(text, 1)
	if !ok {
		return cfg, d.problems
	}
	t := d.top(m)
	t.known("title", "library", "base_url", "language", "currency", "fiscal_year_start", "theme", "corrections", "valuation", "open_data", "measures", "languages")
	if s := t.str("title", false); s != "" {
		cfg.Title = s
	}
	if s := t.str("library", false); s != "" {
		cfg.Library = s
	}
	if s := t.str("base_url", false); s != "" {
		if why := BaseURLProblem(s); why != "" {
			t.errf("base_url", "%q is not a web address like https://partners.example.org/ (%s)", s, why)
		} else {
			if !strings.HasSuffix(s, "/") {
				s += "/"
			}
			cfg.BaseURL = s
		}
	}
	if s := t.str("language", false); s != "" {
		if !langRE.MatchString(s) {
			t.errf("language", "%q is not a language tag like \"en\" or \"es-MX\"", s)
		} else {
			cfg.Language = s
		}
	}
	if s := t.str("currency", false); s != "" {
		if msg := checkCurrency(s); msg != "" {
			t.errf("currency", "%s", msg)
		} else {
			cfg.Currency = s
		}
	}
	if s := t.str("fiscal_year_start", false); s != "" {
		md, ok := parseMonthDay(s)
		if !ok {
			t.errf("fiscal_year_start", "%q is not a month and day like \"07-01\"", s)
		} else {
			cfg.FiscalYearStart = md
		}
	}
	if s := t.str("theme", false); s != "" {
		if !ValidSlug(s) {
			t.errf("theme", "%q is not a theme folder name (lower-case letters, digits and hyphens)", s)
		} else {
			cfg.Theme = s
		}
	}
	if s := t.str("corrections", false); s != "" {
		u, err := url.Parse(s)
		if err != nil || !(u.Scheme == "mailto" && u.Opaque != "" || (u.Scheme == "http" || u.Scheme == "https") && u.Host != "") {
			t.errf("corrections", "%q must be a mailto: or https:// address", s)
		} else {
			cfg.Corrections = s
		}
	}
	if v, ok := t.sub("valuation"); ok {
		v.known("staff_time", "space")
		cfg.Valuation.StaffTime, _ = v.num("staff_time", false)
		cfg.Valuation.Space, _ = v.num("space", false)
	}
	if o, ok := t.sub("open_data"); ok {
		o.known("grant_prefix", "funder_id", "license", "publisher_name", "publisher_website")
		cfg.OpenData.Line, _ = d.lineOf("open_data")
		// The two identifiers of the 360Giving export go together; a
		// table with only the licence or the publisher needs neither.
		_, prefix := o.m["grant_prefix"]
		_, funder := o.m["funder_id"]
		giving := prefix || funder || len(o.m) == 0
		if s := o.str("grant_prefix", giving); s != "" {
			if msg := checkGrantPrefix(s); msg != "" {
				o.errf("grant_prefix", "%s", msg)
			} else {
				cfg.OpenData.GrantPrefix = s
			}
		}
		if s := o.str("funder_id", giving); s != "" {
			if msg := CheckOrgID(s); msg != "" {
				o.errf("funder_id", "%s", msg)
			} else {
				cfg.OpenData.FunderID = s
			}
		}
		if s := o.str("license", false); s != "" {
			if u, err := url.Parse(s); err != nil || !(u.Scheme == "http" || u.Scheme == "https") || u.Host == "" {
				o.errf("license", "%q is not the address of a licence, like \"https://creativecommons.org/licenses/by/4.0/\"", s)
			} else {
				cfg.OpenData.License = s
			}
		}
		cfg.OpenData.PublisherName = o.str("publisher_name", false)
		cfg.OpenData.PublisherWebsite = o.webURL("publisher_website")
	}
	cfg.Measures = parseMeasures(t)
	cfg.Languages = parseLanguages(t, cfg.Language)
	return cfg, d.problems
}

// checkGrantPrefix says what is wrong with a grant_prefix, or "".
func checkGrantPrefix(s string) string {
	switch {
	case strings.HasPrefix(s, "360G-") && len(s) > len("360G-") && !strings.ContainsAny(s, " \t"):
		return ""
	case strings.HasPrefix(strings.ToUpper(s), "360G-") && !strings.HasPrefix(s, "360G-"):
		return fmt.Sprintf("%q must start with 360G- in capitals (did you mean %q?)", s, "360G-"+s[5:])
	case strings.ContainsAny(s, " \t"):
		return fmt.Sprintf("%q has a space: a grant prefix is 360G- and a short name without spaces, like \"360G-alderbaypl\"", s)
	}
	return fmt.Sprintf("%q does not start with 360G-: every 360Giving grant id starts with it, then a short name of the funder, like \"360G-alderbaypl\" (ask 360Giving for yours)", s)
}

// orgIDRE is the shape of an org-id.guide identifier: the register's
// code, a country (or XI, XM for international registers) and a list,
// then the organization's number in that register.
var orgIDRE = regexp.MustCompile(`^[A-Z]{2}-[A-Z0-9_]{2,}-[^\s]+$`)

// CheckOrgID says what is wrong with an org-id.guide identifier ("US-EIN-
// 12-3456789", "GB-CHC-1234567"), or "" when it has the right shape.
func CheckOrgID(s string) string {
	if orgIDRE.MatchString(s) {
		return ""
	}
	msg := fmt.Sprintf("%q is not an organization identifier of org-id.guide, which are written like \"US-EIN-12-3456789\" or \"GB-CHC-1234567\" (the country, the register, then the number in it)", s)
	if i := strings.IndexByte(s, '-'); i > 0 {
		if j := strings.IndexByte(s[i+1:], '-'); j > 0 {
			if up := strings.ToUpper(s[:i+1+j]) + s[i+1+j:]; up != s && orgIDRE.MatchString(up) {
				msg += fmt.Sprintf(" (did you mean %q?)", up)
			}
		}
	}
	return msg
}

// keyPos is where key (a dotted path such as "theme") is written in
// site.toml: its line and the column of its value, or 1, 1.
func keyPos(data []byte, key string) (line, col int) {
	text, err := utf8Text(data)
	if err != nil {
		return 1, 1
	}
	if p, ok := indexKeys(text, 1)[key]; ok {
		return p.line, p.valCol
	}
	return 1, 1
}

func parseMonthDay(s string) (MonthDay, bool) {
	var m, d int
	if len(s) != 5 || s[2] != '-' {
		return MonthDay{}, false
	}
	if _, err := fmt.Sscanf(s, "%02d-%02d", &m, &d); err != nil {
		return MonthDay{}, false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if m < 1 || m > 12 || d < 1 || d > days[m] {
		return MonthDay{}, false
	}
	return MonthDay{m, d}, true
}

// BaseURLProblem says why s cannot be the site's base_url, or "": it must be
// an absolute http(s) address, with a host, and without a query, a
// fragment, spaces, quotes or markup, which every address of the site
// would repeat.
func BaseURLProblem(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f || strings.ContainsRune("<>\"'`{}|\\^", r) }); i >= 0 {
		return fmt.Sprintf("it holds %q", s[i:i+1])
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "":
		return "it must start with https:// or http:// and a host name"
	case u.User != nil:
		return "it must not hold a user name or password"
	case u.RawQuery != "" || u.ForceQuery:
		return "it must not have a query (?…)"
	case u.Fragment != "" || strings.Contains(s, "#"):
		return "it must not have a fragment (#…)"
	}
	return ""
}
