// Package export writes the machine-readable files of a built site
// (SPEC.md §4): the open data in /data/, the Atom feed, the sitemap and
// robots.txt. (A profile page's schema.org JSON-LD is render's.)
//
// Each file has a function that streams it to an io.Writer, and [Write]
// writes them all through an output.Writer. Every function takes the
// profiles to publish (content.Site.Published), so a profile that is not
// approved is in no file unless the build includes unapproved profiles;
// [private] values are not in the content model, so they are in none.
// Profiles are written ordered by slug, whatever the order given; their
// resources, asks and outcomes in file order.
//
// baseURL is the site's public address ending in "/" (content.Config's
// BaseURL, or the --base-url of a build); "" means the site's BaseURL.
// Feeds, sitemaps, 360Giving and the data's "url" fields need it to be
// absolute: without it, Write leaves the first three out and the "url"
// fields are empty, never a relative address (see [Which]).
//
// Numbers are written as decimals without exponent (1000.3, not 1.0003e3),
// rounded like the ledger's sums (ledger.Round), and every total comes
// from package ledger, so the files agree with the pages to the cent.
//
// # Files
//
//   - data/partnerships.json: [JSON], exactly the shape of SPEC §4.
//   - data/partnerships.csv, resources.csv, asks.csv, outcomes.csv:
//     [PartnershipsCSV] and friends; RFC 4180 (CRLF line ends), UTF-8
//     without a byte order mark, a header row, one row per item with its
//     profile's slug first, lists joined with "; ", a missing date or
//     value empty, booleans true/false. A cell of text that starts with
//     =, +, -, @, a tab or a CR gets a leading ' ([Formula]), so that
//     no spreadsheet runs it; number columns never do.
//   - data/360giving.json: [Giving], a 360Giving 1.4 package: its
//     metadata (version, title, description, identifier
//     <grant_prefix>-partnerships, issued: the first approval of a
//     profile in it, modified: the build's time, publisher, license,
//     accessURL, downloadURL), then its grants. Each money resource from
//     the library is one grant, with id <grant_prefix>-<slug>-<n>, n the
//     1-based position of the resource among the profile's [[resources]]
//     (what check calls resources[n]), so ids are stable as long as
//     resources are only added at the end. The recipient's id is the
//     partner's org_id (the first one of its profiles gives), else
//     <grant_prefix>-partner-<partner slug>: 360Giving's form for an
//     organization without a registered identifier. A grant's
//     plannedDates are the fiscal year of its payment within the
//     partnership's span. The library's in-kind support of the same
//     partnership is listed once, on the partnership's first grant, as
//     "alongside:inKind", so that it is never counted twice. In-kind
//     support of partnerships without library money is not a grant and
//     is not in this file. The file is written only when [Which] says:
//     with [open_data], an absolute base URL and at least one grant (the
//     package schema wants one); [Check] warns when it is left out.
//   - feed.xml: [Feed], Atom 1.0, one entry per profile, newest review
//     date first (then by slug); an entry's updated time is its review
//     date (its start, for a profile never approved).
//   - sitemap.xml: [Sitemap], the pages a build wrote; over 50,000 pages,
//     sitemap.xml is an index of sitemap-1.xml, sitemap-2.xml, …
//   - robots.txt: [Robots], every robot allowed, and the sitemap's address.
package export
