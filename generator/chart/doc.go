// Package chart draws bar charts as inline SVG at build time, for pages
// that work without JavaScript and print on paper.
//
// [Bars] returns one <figure>: a caption, an <svg role="img"> labelled by
// its <title> and by a <desc> that states every value in words, an
// optional note, and a <details> element holding the same data as a
// <table> (caption, th scope) for anyone who cannot use the picture.
//
// The picture does not rely on colour: each series has its own fill
// (solid, hatched, dotted, cross-hatched) with a text legend, and every
// bar is labelled with its series and its value. Colours have a contrast
// of at least 3:1 against the white background and text at least 4.5:1;
// the fills stay distinct in black and white. The svg scales to its
// container (viewBox, width 100%).
//
// Every id in the output starts with the chart's ID, so charts with
// different IDs can share a page. Every string is escaped; the output is
// well-formed XML as well as HTML.
//
// [Kinds], [Asks], [Partnerships] and [Years] draw the charts of the home
// page and the annual reports from the ledger's figures.
package chart
