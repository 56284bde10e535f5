package export

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONLD(t *testing.T) {
	site, published := testSite(t)
	ld := JSONLD(site, published[0], "") // homework-help
	data, err := json.Marshal(ld)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Context string `json:"@context"`
		Type    string `json:"@type"`
		ID      string `json:"@id"`
		Name    string
		URL     string
		Member  []struct {
			Type string `json:"@type"`
			ID   string `json:"@id"`
			Name string
		}
		Funding []struct {
			Type   string `json:"@type"`
			Name   string
			Amount *struct {
				Type     string `json:"@type"`
				Currency string
				Value    float64
			}
			Funder *struct {
				ID string `json:"@id"`
			}
			Sponsor *struct {
				ID string `json:"@id"`
			}
			FundedItem struct {
				ID string `json:"@id"`
			}
			Description string
		}
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	page := "https://partners.example.org/reports/partnerships/homework-help/"
	lib, partner := "https://partners.example.org/reports/#library", "https://partners.example.org/reports/partners/familias-unidas-del-sur/#org"
	if v.Context != "https://schema.org" || v.Type != "Project" || v.ID != page+"#project" || v.URL != page || v.Name != "Homework Help in Spanish" {
		t.Errorf("project = %+v", v)
	}
	if len(v.Member) != 2 || v.Member[0].Type != "Organization" || v.Member[0].ID != lib || v.Member[0].Name != "Rainier Public Library" ||
		v.Member[1].Type != "Organization" || v.Member[1].ID != partner || v.Member[1].Name != "Familias Unidas del Sur" {
		t.Errorf("members = %+v", v.Member)
	}
	var types []string
	for _, g := range v.Funding {
		types = append(types, g.Type)
	}
	if got := strings.Join(types, " "); got != "MonetaryGrant Grant Grant Grant MonetaryGrant MonetaryGrant" {
		t.Fatalf("funding types = %s", got)
	}
	money := v.Funding[0]
	if money.Amount == nil || money.Amount.Type != "MonetaryAmount" || money.Amount.Currency != "USD" || money.Amount.Value != 2400 ||
		money.Funder == nil || money.Funder.ID != lib || money.FundedItem.ID != partner {
		t.Errorf("MonetaryGrant = %+v", money)
	}
	room := v.Funding[1]
	if room.Sponsor == nil || room.Sponsor.ID != lib || room.FundedItem.ID != partner || room.Description != "120 room-hours, estimated value 5400 USD" {
		t.Errorf("room Grant = %+v", room)
	}
	volunteers := v.Funding[2]
	if volunteers.Sponsor == nil || volunteers.Sponsor.ID != partner || volunteers.FundedItem.ID != page+"#project" {
		t.Errorf("partner's Grant = %+v", volunteers)
	}
	if strings.Contains(string(data), "SECRET") {
		t.Error("JSON-LD contains a private value")
	}
}

func TestScript(t *testing.T) {
	html, err := Script(map[string]any{"name": "</script><script>alert(1)</script> & more"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(html)
	if !strings.HasPrefix(s, `<script type="application/ld+json">{`) || strings.Count(s, "</script>") != 1 || strings.Contains(s, "<script>") {
		t.Errorf("Script = %s", s)
	}
}
