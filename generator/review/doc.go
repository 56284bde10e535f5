// Package review is the partner's side of alongside: what the person who
// runs the partnerships needs to get each profile read, corrected and
// approved by its partner, and to know that the approval still holds
// (SPEC.md §2 "Approval that sticks", §3 approve, review, proof, check).
//
// The contracts:
//
//   - [Approve] records an approval in the review table of a profile
//     file: state = "approved", date, by and fingerprint. It changes no
//     other byte of the file: comments, key order, spacing, a byte order
//     mark and CRLF line endings survive. The value of each of those four
//     keys that is already there is replaced in place on its line (a
//     comment after it stays); a missing one is added on the line right
//     after the table's header; a missing table is added, with a blank
//     line before it, in front of the first header of an array of tables
//     or of the private table (and the comment lines directly above it),
//     or at the end of the front matter when there is neither. The
//     fingerprint written is the one package content computes for the
//     edited file, so right after Approve the profile is Current. Approve
//     refuses a profile with errors, except the errors of the four keys it
//     writes, and contact details given as who approved.
//
//   - [Worklist] sorts every profile into the coordinator's groups:
//     draft, in_review, changes_requested, "approved, changed since
//     approval", approved, and (only when there are any) profiles whose
//     review.state is missing or wrong. Days waiting count from
//     review.date; a profile without one is "date unknown".
//
//   - [Warnings] are the review warnings of `check`, each at the line of
//     what it is about: a review in in_review or changes_requested for
//     over 60 days (at review.date); an email address or a phone number
//     in any public text of a profile (at the key, or at the body line);
//     a root-relative or relative Markdown link, in a profile, a page or
//     the home page, to an address the published site will not have (at
//     the body line); and an approved profile changed since approval (at
//     review.fingerprint). They never stop a build. The addresses the
//     site will have are computed from the model (home, pages, published
//     profiles and their bundle files, partners, taxonomies and terms,
//     reports by fiscal year, /data/ and its files, list pages); a link to
//     an unapproved profile is broken in the published site. A link to a
//     file with an extension outside alongside's own sections
//     ("/files/flyer.pdf") may be a static file of the theme and is not
//     checked. Contact details are looked for in profiles only: pages are
//     the library's own voice and may give its public address.
//
//     [Warnings] also name what is left of the templates: a story that
//     still holds the text of `alongside new` or of `alongside init`'s
//     example (at its line), the example's summary, an approved profile
//     with no summary, and ([Placeholders]) site.toml's placeholders:
//     init's names, a base_url or corrections address at a domain
//     reserved for examples, init's 360Giving identifiers.
//
//   - [NewProfile] is the file `alongside new` writes: every key with a
//     one-line comment, a draft that passes `check` as it is (with a
//     warning that its story is the template's).
//
//   - [Proof] is the file `alongside proof` writes for the partner: the
//     page as the theme renders it, rebuilt from an allow-list of
//     elements and attributes (golang.org/x/net/html) so that no theme
//     can make it load anything, under a "Proof — not yet published"
//     banner and a Content-Security-Policy that forbids every request;
//     then the numbered checklist of [Facts], every fact the page states,
//     each with "Correct" / "Needs a change" and a field for what it
//     should say, a comment, the partner's decision and a "Send my
//     answers" link that opens an email with the numbered answers. No
//     [private] value can reach it: package content does not keep them.
//
//   - [ParseAnswers] reads those answers back from the partner's email,
//     for `alongside answers`.
package review
