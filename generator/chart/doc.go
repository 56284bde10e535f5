// Package chart draws bar charts as inline SVG at build time, for pages
// that work without JavaScript and print on paper.
//
// [Bars] returns one <figure>: a caption, an <svg role="img"> labelled by
// its <title> and by a <desc> that states every value in words, an
// optional note, and a <details> element holding the same data as a
// <table> (caption, th scope) for anyone who cannot use the picture.
//
// Every bar of a chart is to one scale, in the chart's one unit: a table
// whose rows are in several units gets a chart per unit ([Kinds]). A
// value of 0 (or less) draws no bar; its number is written all the same.
// Every bar is labelled with its series or group and its value, and the
// scale's numbers are written under the bars.
//
// The SVG is drawn for a phone: its viewBox is 288 units wide, the width
// of a 320 px screen less the page's margins, and no text in it is under
// 13 units, so that it is never under 12 CSS px there (the theme lets the
// SVG grow on wider screens, never shrink). A bar's label goes on its
// left when every label fits in 40 % of the width, else on a line of its
// own above it; long labels wrap. Text is laid out with an upper bound of
// each character's width (text.go), so that no label overlaps another, a
// bar, a grid line or the axis, whatever the font.
//
// The picture does not rely on colour: each series has its own fill
// (solid, hatched, dotted, cross-hatched), and a status chart draws each
// status as pages show its label: its colour, a pattern of its own and
// its symbol before the label ([Group.Status]). Colours have a contrast
// of at least 3:1 against the white background and text at least 4.5:1;
// the fills stay distinct in black and white.
//
// Every id in the output starts with the chart's ID, so charts with
// different IDs can share a page. Every string is escaped; the output is
// well-formed XML as well as HTML.
//
// [Kinds], [Asks], [Partnerships] and [Years] draw the charts of the home
// page, the annual reports and the partners' pages from the ledger's
// figures: they never compute a figure of their own.
package chart
