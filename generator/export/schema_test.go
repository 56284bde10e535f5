package export

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/alongside-dev/alongside/generator/content"
)

// partnershipsSchema compiles PartnershipsSchema, asserting formats.
func partnershipsSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(PartnershipsSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("partnerships.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("partnerships.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validate writes partnerships.json of published at baseURL and returns
// the schema's verdict on it.
func validate(t *testing.T, sch *jsonschema.Schema, site *content.Site, published []*content.Profile, baseURL string) error {
	t.Helper()
	var b bytes.Buffer
	if err := JSON(&b, site, published, baseURL, now, nil); err != nil {
		t.Fatal(err)
	}
	return validateBytes(t, sch, b.Bytes())
}

func validateBytes(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return sch.Validate(inst)
}

// TestSchemaSample validates the JSON of the sample site, as build and
// build --unapproved write it, and of the test site, with and without a
// base URL, against the published schema.
func TestSchemaSample(t *testing.T) {
	sch := partnershipsSchema(t)
	site, probs := content.Load(os.DirFS("../.."))
	if errs := probs.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, unapproved := range []bool{false, true} {
		if err := validate(t, sch, site, site.Published(unapproved), ""); err != nil {
			t.Errorf("sample site (unapproved %v): %v", unapproved, err)
		}
	}
	test, published := testSite(t)
	for _, base := range []string{"", "/"} {
		if err := validate(t, sch, test, published, base); err != nil {
			t.Errorf("test site at %q: %v", base, err)
		}
	}
}

// TestSchemaRejects: the schema is strict enough to fail a file that
// breaks it (so TestSchemaSample can fail).
func TestSchemaRejects(t *testing.T) {
	sch := partnershipsSchema(t)
	site, published := testSite(t)
	var b bytes.Buffer
	if err := JSON(&b, site, published, "", now, nil); err != nil {
		t.Fatal(err)
	}
	good := b.String()
	for _, bad := range []struct{ old, new string }{
		{`"url":"https://partners.example.org/reports/partnerships/homework-help/"`, `"url":"partnerships/homework-help/"`}, // relative
		{`"status":"active"`, `"status":"actve"`},
		{`"start":"2025-09-02"`, `"start":"2025-9-2"`},
		{`"current":true`, `"current":"yes"`},
		{`"amount":2400`, `"amount":-1`},
		{`"reason":"Our device budget`, `"reason":"","x":"Our device budget`},
		{`"generated": "2026-03-01T09:30:00Z"`, `"generated": "yesterday"`},
		{`"staff_hours":`, `"staff_minutes":`},
	} {
		doc := strings.Replace(good, bad.old, bad.new, 1)
		if doc == good {
			t.Errorf("%s is not in the JSON", bad.old)
			continue
		}
		if err := validateBytes(t, sch, []byte(doc)); err == nil {
			t.Errorf("the schema accepts %s in place of %s", bad.new, bad.old)
		}
	}
}

// TestSchemaTranslations: a profile's translations are in the JSON, by
// language, and the schema accepts them.
func TestSchemaTranslations(t *testing.T) {
	site, published := testSite(t)
	p := *published[0]
	p.Translations = map[string]*content.Translation{"es": {Lang: "es", Title: "Ayuda con las tareas"}}
	var b bytes.Buffer
	if err := JSON(&b, site, []*content.Profile{&p}, "", now, nil); err != nil {
		t.Fatal(err)
	}
	if want := `"translations":{"es":{"title":"Ayuda con las tareas","summary":""}}`; !strings.Contains(b.String(), want) {
		t.Errorf("partnerships.json lacks %s:\n%s", want, b.String())
	}
	if err := validateBytes(t, partnershipsSchema(t), b.Bytes()); err != nil {
		t.Error(err)
	}
}
