package export

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"io"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/urls"
)

// PartnershipsSchema is /data/partnerships.schema.json: the JSON Schema
// (2020-12) of /data/partnerships.json, which the tests hold the JSON to.
//
//go:embed partnerships.schema.json
var PartnershipsSchema []byte

// The shape of /data/partnerships.json, fields in the order of SPEC §4.
type (
	jsonSite struct {
		Title     string `json:"title"`
		Library   string `json:"library"`
		Currency  string `json:"currency"`
		Generated string `json:"generated"`
	}
	jsonPartnership struct {
		Slug          string         `json:"slug"`
		URL           string         `json:"url"`
		Title         string         `json:"title"`
		Summary       string         `json:"summary"`
		Status        string         `json:"status"`
		Start         *string        `json:"start"`
		End           *string        `json:"end"`
		Partner       jsonPartner    `json:"partner"`
		Branches      []string       `json:"branches"`
		Neighborhoods []string       `json:"neighborhoods"`
		Audiences     []string       `json:"audiences"`
		Languages     []string       `json:"languages"`
		Tags          []string       `json:"tags"`
		Review        jsonReview     `json:"review"`
		Resources     []jsonResource `json:"resources"`
		Asks          []jsonAsk      `json:"asks"`
		Outcomes      []jsonOutcome  `json:"outcomes"`
		Surveys       []jsonSurvey   `json:"surveys"`
		// Translations are the titles and summaries of the profile's
		// translations, by language code; left out when it has none.
		Translations map[string]jsonTranslation `json:"translations,omitempty"`
	}
	jsonTranslation struct {
		Title   string `json:"title"`
		Summary string `json:"summary"`
	}
	jsonPartner struct {
		Name string `json:"name"`
		Slug string `json:"slug"`
		URL  string `json:"url"`
	}
	jsonReview struct {
		State   string  `json:"state"`
		Date    *string `json:"date"`
		By      string  `json:"by"`
		Current bool    `json:"current"`
	}
	jsonResource struct {
		From        string       `json:"from"`
		Kind        string       `json:"kind"`
		Amount      json.Number  `json:"amount"`
		Unit        string       `json:"unit"`
		Value       *json.Number `json:"value"` // null when unvalued
		Estimated   bool         `json:"estimated"`
		Description string       `json:"description"`
		Date        *string      `json:"date"`
	}
	jsonAsk struct {
		Ask    string  `json:"ask"`
		Status string  `json:"status"`
		Reason string  `json:"reason"`
		Date   *string `json:"date"`
	}
	jsonOutcome struct {
		Measure   string      `json:"measure"`
		MeasureID *string     `json:"measure_id"` // null for free text
		Value     json.Number `json:"value"`
		Unit      string      `json:"unit"`
		Date      *string     `json:"date"`
		Note      string      `json:"note"`
	}
	jsonSurvey struct {
		Topic       string  `json:"topic"`
		Date        *string `json:"date"`
		Respondents int     `json:"respondents"`
		Knowledge   int     `json:"knowledge"`
		Confidence  int     `json:"confidence"`
		Application int     `json:"application"`
		Awareness   int     `json:"awareness"`
	}
)

// JSON writes /data/partnerships.json: the site, every profile in
// published by slug, and their totals (ledger.Compute). generated is now
// in RFC 3339. Each partnership is encoded on a line of its own, one at a
// time: a change to a profile changes one line, and a site of 10,000
// profiles is half the size it would be indented. rec, when not nil,
// keeps each line for the next call (see Records).
func JSON(w io.Writer, site *content.Site, published []*content.Profile, baseURL string, now time.Time, rec *Records) error {
	return jsonWith(w, site, published, nil, baseURL, now, rec)
}

// jsonWith is JSON with the totals and fiscal years of sums, the Sums of
// published; nil sums are computed here.
func jsonWith(w io.Writer, site *content.Site, published []*content.Profile, sums *ledger.Sums, baseURL string, now time.Time, rec *Records) error {
	if sums == nil {
		sums = ledger.NewSums(published, site.Config.FiscalYearStart, content.DayOf(now))
	}
	baseURL = base(site, baseURL)
	bw := bufio.NewWriter(w)
	var enc encoder
	bw.WriteString("{\n  \"site\": ")
	cfg := &site.Config
	if err := enc.write(bw, "  ", jsonSite{cfg.Title, cfg.Library, cfg.Currency, now.Format(time.RFC3339)}); err != nil {
		return err
	}
	bw.WriteString(",\n  \"partnerships\": [")
	for i, p := range bySlug(published) {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		record, err := rec.get(urls.JSON, baseURL, p, &enc.out, func(b *bytes.Buffer) error { return enc.write(b, "", partnership(p, baseURL)) })
		if err != nil {
			return err
		}
		bw.Write(record)
	}
	if len(published) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n  \"totals\": ")
	if err := enc.write(bw, "  ", sums.Total()); err != nil {
		return err
	}
	bw.WriteString(",\n  \"fiscal_years\": ")
	if err := enc.write(bw, "  ", fiscalYears(sums.Reports(), content.DayOf(now))); err != nil {
		return err
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// jsonYear is one annual report's figures: "fiscal_years" holds one per
// report, newest first. ToDate is the last day counted while the year has
// not ended (the report of the year to date), else null.
type jsonYear struct {
	Name   string        `json:"name"`
	Start  *string       `json:"start"`
	End    *string       `json:"end"`
	ToDate *string       `json:"to_date"`
	Totals ledger.Totals `json:"totals"`
}

func fiscalYears(reports []ledger.Report, today content.Date) []jsonYear {
	out := make([]jsonYear, len(reports))
	for i, r := range reports {
		fy := r.Year
		out[i] = jsonYear{Name: fy.Name, Start: date(fy.Start), End: date(fy.End), Totals: r.Totals}
		if fy.ToDate(today) {
			out[i].ToDate = date(fy.Through(today))
		}
	}
	return out
}

// encoder writes JSON values without HTML escaping, reusing one buffer:
// indented, each line after the first starting with indent, or on one
// line when indent is "".
type encoder struct {
	buf bytes.Buffer
	out bytes.Buffer // a record being made
}

func (e *encoder) write(w io.Writer, indent string, v any) error {
	e.buf.Reset()
	enc := json.NewEncoder(&e.buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent(indent, "  ")
	}
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")))
	return err
}

func partnership(p *content.Profile, baseURL string) jsonPartnership {
	out := jsonPartnership{
		Slug:          p.Slug,
		URL:           pageURL(baseURL, p.URL()),
		Title:         p.Title,
		Summary:       p.Summary,
		Status:        p.Status,
		Start:         date(p.Start),
		End:           date(p.End),
		Partner:       jsonPartner{p.Partner.Name, p.Partner.Slug, p.Partner.URL},
		Branches:      orEmpty(p.Branches),
		Neighborhoods: orEmpty(p.Neighborhoods),
		Audiences:     orEmpty(p.Audiences),
		Languages:     orEmpty(p.Languages),
		Tags:          orEmpty(p.Tags),
		Review:        jsonReview{p.Review.State, date(p.Review.Date), p.Review.By, p.Current()},
		Resources:     make([]jsonResource, len(p.Resources)),
		Asks:          make([]jsonAsk, len(p.Asks)),
		Outcomes:      make([]jsonOutcome, len(p.Outcomes)),
		Surveys:       make([]jsonSurvey, len(p.Surveys)),
	}
	for i := range p.Resources {
		out.Resources[i] = resource(&p.Resources[i])
	}
	for i, a := range p.Asks {
		out.Asks[i] = jsonAsk{a.Ask, a.Status, a.Reason, date(a.Date)}
	}
	for i, o := range p.Outcomes {
		var id *string
		if o.MeasureID != "" {
			id = &o.MeasureID
		}
		out.Outcomes[i] = jsonOutcome{o.Measure, id, num(o.Value), o.Unit, date(o.Date), o.Note}
	}
	for i, s := range p.Surveys {
		out.Surveys[i] = jsonSurvey{s.Topic, date(s.Date), s.Respondents, s.Knowledge, s.Confidence, s.Application, s.Awareness}
	}
	if len(p.Translations) > 0 {
		out.Translations = make(map[string]jsonTranslation, len(p.Translations))
		for code, tr := range p.Translations {
			out.Translations[code] = jsonTranslation{tr.Title, tr.Summary}
		}
	}
	return out
}

func resource(r *content.Resource) jsonResource {
	return jsonResource{
		From:        r.From,
		Kind:        r.Kind,
		Amount:      num(r.Amount),
		Unit:        r.Unit,
		Value:       numOrNull(r.Value, r.Valued),
		Estimated:   r.Estimated,
		Description: r.Description,
		Date:        date(r.Date),
	}
}
