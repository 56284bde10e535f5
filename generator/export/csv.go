package export

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/urls"
)

// The columns of the CSV files, as SPEC §4 lists them.
var (
	partnershipColumns = []string{"slug", "url", "title", "summary", "status", "start", "end",
		"partner_name", "partner_slug", "partner_url", "branches", "neighborhoods",
		"audiences", "languages", "tags", "review_state", "review_date", "review_by"}
	resourceColumns = []string{"slug", "from", "kind", "amount", "unit", "value", "estimated", "description", "date"}
	askColumns      = []string{"slug", "ask", "status", "reason", "date"}
	outcomeColumns  = []string{"slug", "measure_id", "measure", "value", "unit", "date", "note"}
	surveyColumns   = []string{"slug", "topic", "date", "respondents", "knowledge", "confidence", "application", "awareness"}
)

// numberColumns are the columns that hold numbers: they are written as
// numbers, never as text (see Formula).
var numberColumns = map[string]bool{"amount": true, "value": true}

// FormulaStarts are the characters with which a cell starts a formula in
// a spreadsheet (LibreOffice, Excel, Google Sheets): "=", "+", "-", "@",
// a tab and a carriage return.
const FormulaStarts = "=+-@\t\r"

// Formula reports whether text would start a formula if a spreadsheet
// opened it as a CSV cell.
func Formula(text string) bool {
	return text != "" && strings.IndexByte(FormulaStarts, text[0]) >= 0
}

// cell is text as a CSV cell that no spreadsheet runs: with a leading '
// when it starts like a formula. A spreadsheet shows the text after the
// ', and reads the cell as text.
func cell(text string) string {
	if Formula(text) {
		return "'" + text
	}
	return text
}

// PartnershipsCSV writes /data/partnerships.csv: a row per profile. This
// and the other CSV writers keep each profile's rows in rec, when not
// nil, for the next call (see Records).
func PartnershipsCSV(w io.Writer, published []*content.Profile, baseURL string, rec *Records) error {
	return writeCSV(w, urls.CSV, baseURL, partnershipColumns, published, rec, func(p *content.Profile, row func(...string)) {
		row(p.Slug, pageURL(baseURL, p.URL()), p.Title, p.Summary, p.Status, p.Start.String(), p.End.String(),
			p.Partner.Name, p.Partner.Slug, p.Partner.URL, list(p.Branches), list(p.Neighborhoods),
			list(p.Audiences), list(p.Languages), list(p.Tags), p.Review.State, p.Review.Date.String(), p.Review.By)
	})
}

// ResourcesCSV writes /data/resources.csv: a row per resource; value is
// empty when the resource has none.
func ResourcesCSV(w io.Writer, published []*content.Profile, rec *Records) error {
	return writeCSV(w, urls.Resources, "", resourceColumns, published, rec, func(p *content.Profile, row func(...string)) {
		for i := range p.Resources {
			r := &p.Resources[i]
			value := ""
			if r.Valued {
				value = formatNumber(r.Value)
			}
			row(p.Slug, r.From, r.Kind, formatNumber(r.Amount), r.Unit, value, strconv.FormatBool(r.Estimated), r.Description, r.Date.String())
		}
	})
}

// AsksCSV writes /data/asks.csv: a row per ask.
func AsksCSV(w io.Writer, published []*content.Profile, rec *Records) error {
	return writeCSV(w, urls.Asks, "", askColumns, published, rec, func(p *content.Profile, row func(...string)) {
		for _, a := range p.Asks {
			row(p.Slug, a.Ask, a.Status, a.Reason, a.Date.String())
		}
	})
}

// OutcomesCSV writes /data/outcomes.csv: a row per outcome; measure_id is
// the id of its site measure, empty for free text.
func OutcomesCSV(w io.Writer, published []*content.Profile, rec *Records) error {
	return writeCSV(w, urls.Outcomes, "", outcomeColumns, published, rec, func(p *content.Profile, row func(...string)) {
		for _, o := range p.Outcomes {
			row(p.Slug, o.MeasureID, o.Measure, formatNumber(o.Value), o.Unit, o.Date.String(), o.Note)
		}
	})
}

// SurveysCSV writes /data/surveys.csv: a row per survey.
func SurveysCSV(w io.Writer, published []*content.Profile, rec *Records) error {
	return writeCSV(w, urls.Surveys, "", surveyColumns, published, rec, func(p *content.Profile, row func(...string)) {
		for _, s := range p.Surveys {
			row(p.Slug, s.Topic, s.Date.String(), strconv.Itoa(s.Respondents), strconv.Itoa(s.Knowledge),
				strconv.Itoa(s.Confidence), strconv.Itoa(s.Application), strconv.Itoa(s.Awareness))
		}
	})
}

// writeCSV writes the header, then the rows of each profile by slug, each
// profile's kept in rec as its part of the file name (whose rows show
// baseURL, or ""). Every cell but
// those of numberColumns goes through cell: text a profile gives is never
// a formula (SPEC §4).
func writeCSV(w io.Writer, name, baseURL string, header []string, published []*content.Profile, rec *Records, rows func(*content.Profile, func(...string))) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	var err error
	row := func(fields ...string) {
		for i, f := range fields {
			if !numberColumns[header[i]] {
				fields[i] = cell(f)
			}
		}
		if err == nil {
			err = cw.Write(fields)
		}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	cw.Flush()
	bw := bufio.NewWriter(w)
	bw.Write(buf.Bytes())
	for _, p := range bySlug(published) {
		part, perr := rec.get(name, baseURL, p, &buf, func(*bytes.Buffer) error {
			rows(p, row)
			cw.Flush()
			return cmp.Or(err, cw.Error())
		})
		if perr != nil {
			return perr
		}
		bw.Write(part)
	}
	return bw.Flush()
}

// list joins a list for a CSV cell.
func list(items []string) string { return strings.Join(items, "; ") }
