package sitetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
)

// Corpus makes a site of n profiles that look like real ones: a few
// resources, asks and outcomes, a voice, and a story of a few paragraphs.
// Every tenth is a bundle with a photo, every tenth is in review, and
// every [private] table holds "PRIVATE-<slug>". The same n gives the
// same site.
func Corpus(n int) fstest.MapFS {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	fsys := fstest.MapFS{
		"site.toml":               {Data: []byte("title = \"Partnerships at Wrenfield\"\nlibrary = \"Wrenfield Public Library\"\nbase_url = \"https://partners.example.org/\"\ncorrections = \"mailto:p@example.org\"\n[valuation]\nstaff_time = 40\nspace = 30\n")},
		"content/_index.md":       {Data: []byte("+++\ntitle = \"Working alongside\"\n+++\nIntro with a [link](/about/).\n")},
		"content/pages/about.md":  {Data: []byte("+++\ntitle = \"About\"\nweight = 1\n+++\n## Why\n\nBecause.\n")},
		"content/pages/method.md": {Data: []byte("+++\ntitle = \"How we count\"\nweight = 2\n+++\nCarefully.\n")},
	}
	para := strings.Repeat("Volunteers from the partner kept attendance before each session, and **the library** kept the room open later on Fridays so that working parents could join. ", 3)
	for i := range n {
		slug := fmt.Sprintf("partnership-%05d", i)
		var f strings.Builder
		fmt.Fprintf(&f, "+++\ntitle = \"%s %d\"\nsummary = \"A partnership with the %s group, planned and run together.\"\nstatus = %q\nstart = %d-%02d-%02d\n",
			pick("Story Time", "Homework Help", "Seed Library", "Zine Lab", "Tech Help"), i, pick("Acorn", "Harbor", "Cedar"), pick("active", "completed", "planning", "paused"),
			2019+rng.IntN(7), 1+rng.IntN(12), 1+rng.IntN(28))
		fmt.Fprintf(&f, "branches = [%q]\nneighborhoods = [%q]\naudiences = [%q, %q]\nlanguages = [\"en\", %q]\ntags = [%q, %q, %q]\n",
			pick("Central", "Lakeview Branch", "Eastgate Branch"), pick("Thistle Row", "Old Town", "Harbor", "Millbrook"),
			pick("teens", "seniors", "families"), pick("newcomers", "children"), pick("es", "vi", "so", "ar"),
			pick("storytime", "literacy", "health"), pick("arts", "tech", "food"), pick("youth", "elders", "language"))
		fmt.Fprintf(&f, "\n[partner]\nname = \"Partner Group %d\"\nurl = \"https://partner-%d.example.org\"\nabout = \"A small volunteer group.\"\n", i%300, i%300)
		fmt.Fprintf(&f, "\n[partner_voice]\nquote = \"The library gave us a room that felt like ours.\"\nby = \"Partner Group %d, board\"\n", i%300)
		state := "approved"
		if i%10 == 9 {
			state = "in_review"
		}
		fmt.Fprintf(&f, "\n[review]\nstate = %q\ndate = 2025-05-26\nby = \"Co-founder\"\n", state)
		for k := range 6 {
			switch k % 3 {
			case 0:
				fmt.Fprintf(&f, "\n[[resources]]\nfrom = \"library\"\nkind = \"staff_time\"\namount = %d\ndescription = \"Coordinator time\"\n", 10+rng.IntN(300))
			case 1:
				fmt.Fprintf(&f, "\n[[resources]]\nfrom = \"partner\"\nkind = \"money\"\namount = %d.5\ndescription = \"Partner fundraising\"\ndate = 2024-03-13\n", rng.IntN(20000))
			case 2:
				fmt.Fprintf(&f, "\n[[resources]]\nfrom = %q\nkind = \"materials\"\namount = %d\nunit = \"books\"\ndescription = \"Books for the display\"\n", pick("library", "partner"), 1+rng.IntN(90))
			}
		}
		fmt.Fprintf(&f, "\n[[asks]]\nask = \"A room on weekday afternoons\"\nstatus = \"delivered\"\n\n[[asks]]\nask = \"Laptops to borrow\"\nstatus = \"declined\"\nreason = \"Our device budget is committed until July.\"\n")
		for k := range 4 {
			fmt.Fprintf(&f, "\n[[outcomes]]\nmeasure = \"Measure %d\"\nvalue = %d\nunit = \"participants\"\nnote = \"Attendance sheets\"\n", k, rng.IntN(300))
		}
		fmt.Fprintf(&f, "\n[private]\ncontact = \"PRIVATE-%s\"\n+++\n\n## Why this partnership\n\n%s\n\n## The program\n\n%s See [a similar one](/partnerships/partnership-00001/).\n\n- One\n- Two\n- Three\n\n## What we learned\n\n%s\n", slug, para, para, para)
		if i%10 == 0 {
			fsys["content/partnerships/"+slug+"/index.md"] = &fstest.MapFile{Data: []byte(f.String())}
			fsys["content/partnerships/"+slug+"/photo.png"] = &fstest.MapFile{Data: make([]byte, 2048)}
		} else {
			fsys["content/partnerships/"+slug+".md"] = &fstest.MapFile{Data: []byte(f.String())}
		}
	}
	return fsys
}
