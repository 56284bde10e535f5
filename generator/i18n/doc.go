// Package i18n holds the UI strings of a site in one language (a Catalog)
// and writes numbers, money, percentages and dates as that language does.
//
// # Catalogs
//
// A catalog is a TOML file named for a BCP 47 language code, such as
// i18n/es.toml or i18n/es-MX.toml. Its keys, flat or dotted, map to text:
//
//	partnerships = "Partnerships"
//	nav.partners = "Partners"
//	[count.partnerships]          # a plural message: a form per CLDR category
//	one = "{count} partnership"
//	other = "{count} partnerships"
//
// {name} is a placeholder that the caller fills in; any other brace is
// text. A plural message is a table whose keys are CLDR plural categories
// (zero, one, two, few, many, other) and must have other; a plain string
// where English has a plural message serves every count. A key set in a
// file replaces the whole message of the files below it, every form of a
// plural message at once.
//
// # Lookup
//
// For a language, the files are read from three places, first found wins,
// and at each place the code itself before its base language ("es-MX",
// then "es"):
//
//  1. the site's i18n/<code>.toml;
//  2. the site's themes/<theme>/i18n/<code>.toml;
//  3. the built-in theme's default/i18n/<code>.toml (themes.FS), which
//     has English (en.toml, every key there is) and Spanish (es.toml,
//     every key too).
//
// A key that none of them has is shown in English, looked up the same way
// (so a site's i18n/en.toml changes English everywhere); such keys are the
// catalog's Missing keys. The keys of English are those of the built-in
// en.toml and of the site's and theme's en.toml, which may add keys (for a
// site's own templates). A key in another language's file that English
// does not have is an error naming the file, the line and the key, with a
// "did you mean" when one is close; so is a placeholder the English
// message does not have, a plural message without other, a value that is
// not text, and malformed TOML (in plain words, at the parser's line).
// Plural forms the language never uses, and forms it uses that a plural
// message lacks (they fall back to other), are warnings. Check reports
// all of it for the languages of a site, the missing keys once per
// language.
//
// # Never failing
//
// Nothing a catalog or a caller passes makes a Catalog panic. A key
// missing in the language gives its English text; a key unknown
// everywhere gives the key itself, so that the gap shows on the page; a
// placeholder without a value is left as written ("{name}").
//
// # Plural forms
//
// N picks the form of a count with the CLDR cardinal rules of
// golang.org/x/text/feature/plural (CLDR 32), from the count as Number
// writes it: the operands i, v, w, f and t are those of that text, so the
// form always agrees with the number shown. Number drops trailing zeros,
// so 1 and 1.0 are both "1" (one in English), while 1.5 is other in English
// and Spanish and one in French. A form the message lacks falls back to
// other.
//
// # Formats
//
// English (any region) keeps the generator's own formats, byte for byte
// those of render's Number, Money and dates: "27,300.5", "$27,300",
// "$38.50", "1,200 CAD", "92 %", "September 2, 2025". For every other
// language numbers come from CLDR through golang.org/x/text (digits, the
// decimal and group separators, grouping sizes, the minus sign and the
// percent pattern, read from x/text's own formatting once per catalog),
// with two corrections where x/text's CLDR 32 tables are out of date:
//
//   - minimumGroupingDigits, which x/text does not implement, is 2 for
//     es (but 1 for es-419 and its regions, as CLDR has it since v39),
//     pl and pt-PT: Spanish writes "1234" and "12.345";
//   - French groups with a narrow no-break space (U+202F, CLDR 34 and
//     later), not U+00A0, in every region but fr-CA.
//
// Money: x/text has currency symbols per language but no currency
// patterns (it always writes "symbol amount"), so where the symbol goes is
// catalog text, format.money ("{symbol}{amount}" in English and in the
// built-in Spanish, which is written for Latin American readers and so
// follows es-419's "¤#,##0.00"). The symbol is CLDR's for the language
// (Spanish "US$", French "$US"), and a no-break space separates it from the
// digits when it ends in a letter (CLDR's currency spacing: "USD 27,300").
// A language whose own catalogs have no format.money writes its amounts
// with the ISO code after them ("27 300 USD"), never with English's
// pattern. See Catalog.Money for cents and other currencies.
//
// Dates: x/text has no date formatting, so the month names
// (date.month.1 … date.month.12) and the pattern (date.long, "{month}
// {day}, {year}") are catalog text; a language whose own catalogs lack
// them writes dates as ISO 8601 ("2025-09-02"), never with English month
// names.
//
// # HTML
//
// Catalog text is plain text. T and N return it unescaped, for
// html/template or an escaping writer to escape. HTML escapes every
// character of the text and of every argument, except arguments of type
// template.HTML, which are markup the caller made (with Link, El and Time,
// which escape what they are given); so no catalog can put markup on a
// page. Funcs gives t, tn, th, link, el and time to html/template.
package i18n
