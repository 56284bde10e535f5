// Package themes holds the built-in theme of alongside, compiled into the
// binary so that a site needs no themes/ folder.
//
// FS holds one folder, default/, laid out as a site's own theme folder:
//
//	default/layouts/*.html   html/template files (see package render for
//	                         the list and the data each one gets)
//	default/static/…         files copied to the output root (style.css)
//	default/i18n/<code>.toml the UI strings: en.toml (every key there is)
//	                         and es.toml (see package i18n)
//
// A site's themes/<theme>/layouts/<name> or themes/<theme>/static/<path>
// replaces the built-in file of the same path; nothing else is merged.
// Catalogs are the exception: a site's i18n/<code>.toml and
// themes/<theme>/i18n/<code>.toml change single strings of the built-in
// catalog, key by key (package i18n has the order).
package themes

import "embed"

// FS is the built-in theme: the folder default/ and everything in it.
//
//go:embed default
var FS embed.FS
