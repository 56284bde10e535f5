package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"slices"
	"strconv"
	"strings"
)

// A Translation is the words of a profile or a page in one of the site's
// other languages (SPEC §2a): content/partnerships/<slug>.<code>.md, a
// bundle's index.<code>.md, content/pages/<name>.<code>.md or
// content/_index.<code>.md. It holds text only; every figure, date and
// status comes from the source. A field left out (an empty string, a nil
// list) is not translated: pages show the source's text there.
type Translation struct {
	Path string // relative to the site
	Lang string // the language code, one of Config.Others

	Title   string
	Summary string
	About   string // [partner] about
	Quote   string // [partner_voice] quote

	// The lists' words by position in the source's lists; nil when the
	// translation has no such list.
	Resources []string // each [[resources]] description
	Asks      []AskText
	Outcomes  []OutcomeText

	Story    []byte // the Markdown body, LF line endings; nil when empty
	BodyLine int

	// Source is the fingerprint of the source's text the translation was
	// made from (`source = "sha256:…"`), or "". Stale names the parts of
	// the source's text changed since (TextParts), nil when none did;
	// Stale is set when Source is "" or unreadable.
	Source string
	Stale  []string
}

// AskText is the words of one [[asks]].
type AskText struct{ Ask, Reason string }

// OutcomeText is the words of one [[outcomes]]: Measure only for an
// outcome of free text (a site measure's label comes from site.toml).
type OutcomeText struct{ Measure, Note string }

// TextParts are the parts of a profile's translatable text, in the order
// of a text fingerprint (see TextPrint). A page has only title, summary
// and story.
var TextParts = []string{"title", "summary", "partner.about", "partner_voice.quote", "resources", "asks", "outcomes", "story"}

// TextPrint is the fingerprint of the translatable text of a profile (or
// of a page: p nil, with title, summary and story): "sha256:" and eight
// groups of eight hex digits, each the start of the SHA-256 of one of
// TextParts, so that a changed fingerprint tells which parts changed.
func TextPrint(p *Profile, title, summary string, story []byte) string {
	parts := make([][]byte, len(TextParts))
	parts[0], parts[1] = []byte(title), []byte(summary)
	if p != nil {
		parts[2] = []byte(p.Partner.About)
		if p.Voice != nil {
			parts[3] = []byte(p.Voice.Quote)
		}
		var b bytes.Buffer
		for _, r := range p.Resources {
			b.WriteString(r.Description)
			b.WriteByte(0)
		}
		parts[4] = bytes.Clone(b.Bytes())
		b.Reset()
		for _, a := range p.Asks {
			b.WriteString(a.Ask)
			b.WriteByte(0)
			b.WriteString(a.Reason)
			b.WriteByte(0)
		}
		parts[5] = bytes.Clone(b.Bytes())
		b.Reset()
		for _, o := range p.Outcomes {
			if o.MeasureID == "" {
				b.WriteString(o.Measure)
			}
			b.WriteByte(0)
			b.WriteString(o.Note)
			b.WriteByte(0)
		}
		parts[6] = b.Bytes()
	}
	parts[7] = bytes.TrimRight(story, " \t\n")
	out := make([]byte, 0, len("sha256:")+8*8)
	out = append(out, "sha256:"...)
	for _, part := range parts {
		sum := sha256.Sum256(part)
		out = hex.AppendEncode(out, sum[:4])
	}
	return string(out)
}

// changedParts names the TextParts whose groups differ between two text
// fingerprints; every part when was is not one.
func changedParts(was, now string) []string {
	if len(was) != len(now) || !strings.HasPrefix(was, "sha256:") {
		return TextParts
	}
	var out []string
	for i, name := range TextParts {
		at := len("sha256:") + 8*i
		if was[at:at+8] != now[at:at+8] {
			out = append(out, name)
		}
	}
	return out
}

// translationKeys are the keys a translation may hold: the words, and
// source. [private] is allowed and never read, as in a profile.
var (
	translationKeys  = []string{"title", "summary", "source", "partner", "partner_voice", "resources", "asks", "outcomes", "private"}
	pageTransKeys    = []string{"title", "summary", "source", "private"}
	transPartnerKeys = []string{"about"}
	transVoiceKeys   = []string{"quote"}
	transResKeys     = []string{"description"}
	transAskKeys     = []string{"ask", "reason"}
	transOutKeys     = []string{"measure", "note"}
)

// TranslationOf splits the name of a content file into the name of its
// source and the language code: "x.es.md" → "x.md", "es";
// "index.so.md" → "index.md", "so". ok is false for a file that is not
// named as a translation.
func TranslationOf(name string) (source, code string, ok bool) {
	stem, found := strings.CutSuffix(name, ".md")
	if !found {
		return "", "", false
	}
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 || !langRE.MatchString(stem[i+1:]) {
		return "", "", false
	}
	return stem[:i] + ".md", stem[i+1:], true
}

// TranslationPath is where the translation of the content file source
// into code is kept: "content/partnerships/x.md" → "…/x.es.md",
// ".../x/index.md" → ".../x/index.es.md".
func TranslationPath(source, code string) string {
	return strings.TrimSuffix(source, ".md") + "." + code + ".md"
}

// parseTranslation reads a translation of a profile (page false) or of a
// page; rel is its path and code its language.
func parseTranslation(rel, code string, data []byte, page bool) (*Translation, Problems) {
	d, src, m, ok := parseFront(rel, data)
	if !ok {
		return nil, d.problems
	}
	tr := &Translation{Path: rel, Lang: code, BodyLine: src.bodyLine}
	body, probs := story(rel, src.body, src.bodyLine)
	if len(bytes.TrimSpace(body)) > 0 {
		tr.Story = bytes.Clone(body)
	}
	d.problems = append(d.problems, probs...)
	t := d.top(m)
	keys := translationKeys
	if page {
		keys = pageTransKeys
	}
	sourceOnly(t, keys)
	tr.Title = t.str("title", false)
	tr.Summary = t.str("summary", false)
	if s := t.str("source", false); s != "" {
		if len(s) != len("sha256:")+64 || !strings.HasPrefix(s, "sha256:") {
			t.errf("source", "%q is not a fingerprint written by `alongside translate`: run it again to record one", s)
		} else {
			tr.Source = s
		}
	}
	if page {
		return tr, d.problems
	}
	if pt, ok := t.sub("partner"); ok {
		sourceOnly(pt, transPartnerKeys)
		tr.About = pt.str("about", false)
	}
	if vt, ok := t.sub("partner_voice"); ok {
		sourceOnly(vt, transVoiceKeys)
		tr.Quote = vt.str("quote", false)
	}
	if rs := t.subs("resources"); rs != nil {
		tr.Resources = make([]string, len(rs))
		for i, r := range rs {
			sourceOnly(r, transResKeys)
			tr.Resources[i] = r.str("description", false)
		}
	}
	if as := t.subs("asks"); as != nil {
		tr.Asks = make([]AskText, len(as))
		for i, a := range as {
			sourceOnly(a, transAskKeys)
			tr.Asks[i] = AskText{Ask: a.str("ask", false), Reason: a.str("reason", false)}
		}
	}
	if os := t.subs("outcomes"); os != nil {
		tr.Outcomes = make([]OutcomeText, len(os))
		for i, o := range os {
			sourceOnly(o, transOutKeys)
			tr.Outcomes[i] = OutcomeText{Measure: o.str("measure", false), Note: o.str("note", false)}
		}
	}
	return tr, d.problems
}

// sourceOnly reports each key of t that a translation may not hold: a
// key of the source profile, or one unknown anywhere.
func sourceOnly(t table, allowed []string) {
	other := t
	other.m = map[string]any{}
	for k, v := range t.m {
		if slices.Contains(allowed, k) {
			continue
		}
		if knownProfileKey(t, k) {
			t.errf(k, "%s is set in the source profile only: a translation holds only words (%s)", k, strings.Join(wordKeys(allowed), ", "))
			continue
		}
		other.m[k] = v
	}
	other.known(allowed...)
}

// wordKeys are allowed without the keys that are not words.
func wordKeys(allowed []string) []string {
	var out []string
	for _, k := range allowed {
		if k != "source" && k != "private" {
			out = append(out, k)
		}
	}
	return out
}

// knownProfileKey reports whether k is a key of the same table of a
// profile (or of a page, for a page's translation).
func knownProfileKey(t table, k string) bool {
	base := t.key
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i] // "resources.0" → "resources"
	}
	switch base {
	case "":
		return slices.Contains(profileKeys, k) || slices.Contains(pageKeys, k)
	case "partner":
		return slices.Contains(partnerKeys, k)
	case "partner_voice":
		return slices.Contains(voiceKeys, k)
	case "resources":
		return slices.Contains(resourceKeys, k)
	case "asks":
		return slices.Contains(askKeys, k)
	case "outcomes":
		return slices.Contains(outcomeKeys, k)
	}
	return false
}

// checkTranslation reports what of tr does not fit its source profile p
// (lists of another length, a measure given for a site measure) and sets
// tr.Stale from p's text now. story is p's story.
func checkTranslation(tr *Translation, p *Profile, story []byte) Problems {
	var probs Problems
	count := func(field string, n, want int) {
		if n >= 0 && n != want {
			probs = append(probs, Problem{Path: tr.Path, Line: 1, Col: 1, Field: field,
				Message: "has " + strconv.Itoa(n) + " " + field + " but " + p.Path + " has " + strconv.Itoa(want) + ": a translation gives the words of each, in the same order (or leaves " + field + " out)"})
		}
	}
	count("resources", lenOr(tr.Resources == nil, len(tr.Resources)), len(p.Resources))
	count("asks", lenOr(tr.Asks == nil, len(tr.Asks)), len(p.Asks))
	count("outcomes", lenOr(tr.Outcomes == nil, len(tr.Outcomes)), len(p.Outcomes))
	if len(tr.Outcomes) == len(p.Outcomes) {
		for i, o := range tr.Outcomes {
			if o.Measure != "" && p.Outcomes[i].MeasureID != "" {
				probs = append(probs, Problem{Path: tr.Path, Line: 1, Col: 1, Field: "outcomes[" + strconv.Itoa(i+1) + "].measure",
					Message: "the source counts this outcome as the site measure " + quote(p.Outcomes[i].MeasureID) + ", whose name comes from site.toml: remove measure here"})
			}
		}
	}
	if tr.Quote != "" && p.Voice == nil {
		probs = append(probs, Problem{Path: tr.Path, Line: 1, Col: 1, Field: "partner_voice.quote",
			Message: p.Path + " has no [partner_voice] quote to translate"})
	}
	probs = append(probs, tr.stale(TextPrint(p, p.Title, p.Summary, story), p.Path)...)
	return probs
}

// stale sets tr.Stale from the source's text fingerprint now, and warns
// when it is not empty.
func (tr *Translation) stale(now, source string) Problems {
	tr.Stale = nil
	fix := "then run `alongside translate " + slugOfPath(source) + " --lang " + tr.Lang + "` to record that it is up to date"
	switch {
	case tr.Source == "":
		tr.Stale = TextParts
		return Problems{{Path: tr.Path, Line: 1, Col: 1, Field: "source", Warning: true,
			Message: "this translation does not say which version of " + source + " it translates: check it against the source, " + fix}}
	case tr.Source != now:
		tr.Stale = changedParts(tr.Source, now)
		return Problems{{Path: tr.Path, Line: 1, Col: 1, Field: "source", Warning: true,
			Message: source + " changed since this translation was made (" + strings.Join(tr.Stale, ", ") + "): update the translation, " + fix}}
	}
	return nil
}

// slugOfPath is the name `alongside translate` takes for a content file:
// a profile's or a page's name as its file gives it, "_index" for the
// home page.
func slugOfPath(rel string) string {
	if rel == homePath {
		return "_index"
	}
	return strings.TrimSuffix(path.Base(strings.TrimSuffix(rel, "/index.md")), ".md")
}

func lenOr(absent bool, n int) int {
	if absent {
		return -1
	}
	return n
}

// sourceOfTranslation is the content file a translation at rel translates.
func sourceOfTranslation(rel string) (source, code string, ok bool) {
	src, code, ok := TranslationOf(path.Base(rel))
	if !ok {
		return "", "", false
	}
	return path.Join(path.Dir(rel), src), code, true
}
