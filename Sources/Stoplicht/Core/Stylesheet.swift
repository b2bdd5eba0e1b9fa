import Vapor

/// Stoplicht's own stylesheet. Class names follow the NL Design System (`utrecht-*`,
/// `nl-*`) and colours come from its `--basis-*` tokens, so a municipality's theme
/// stylesheet (STOPLICHT_THEME_CSS) restyles the site by overriding tokens.
enum Stylesheet {
    static func response(_ request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        headers.replaceOrAdd(name: .eTag, value: etag)
        if request.headers.first(name: .ifNoneMatch) == etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(string: css))
    }

    static let etag = "\"\(String(css.hashValue & 0x7fff_ffff, radix: 16))\""

    static let css = #"""
:root {
  --basis-color-positive-color-default: #1b5e20;
  --basis-color-positive-bg-default: #e8f5e9;
  --basis-color-positive-border-default: #2e7d32;
  --basis-color-warning-color-default: #7a3e00;
  --basis-color-warning-bg-default: #fff3e0;
  --basis-color-warning-border-default: #e65100;
  --basis-color-negative-color-default: #8e0000;
  --basis-color-negative-bg-default: #ffebee;
  --basis-color-negative-border-default: #c62828;
  --basis-color-neutral-color-default: #37474f;
  --basis-color-neutral-bg-default: #eceff1;
  --basis-color-neutral-border-default: #78909c;
  --basis-color-info-color-default: #0d47a1;
  --basis-color-info-bg-default: #e3f2fd;
  --basis-color-info-border-default: #1565c0;
  --basis-color-default-color-document: #1a1a1a;
  --basis-color-default-color-subtle: #555;
  --basis-color-default-bg-document: #fff;
  --basis-color-default-bg-subtle: #f5f6f7;
  --basis-color-default-border-default: #c7ccd1;
  --basis-color-accent-1-color-default: #01689b;
  --basis-color-accent-1-bg-default: #01689b;
  --basis-focus-outline-color: #1a1a1a;
  --basis-focus-background-color: #ffbf47;
  --basis-text-font-family-default: "Noto Sans", "Segoe UI", Arial, sans-serif;
  --basis-space-block-md: 1rem;
  --basis-space-block-lg: 1.5rem;
}
*, *::before, *::after { box-sizing: border-box; }
.utrecht-document {
  margin: 0; font-family: var(--basis-text-font-family-default); font-size: 1rem; line-height: 1.5;
  color: var(--basis-color-default-color-document); background: var(--basis-color-default-bg-document);
  overflow-wrap: break-word;
}
a.utrecht-link, .utrecht-link { color: var(--basis-color-accent-1-color-default); text-underline-offset: 0.15em; }
a.utrecht-link:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--basis-focus-outline-color); outline-offset: 2px; background: var(--basis-focus-background-color); }
.nl-skip-link { position: absolute; left: 1rem; top: -4rem; padding: .5rem 1rem; background: #fff; z-index: 10; }
.nl-skip-link:focus { top: .5rem; }
.utrecht-page-header { background: var(--basis-color-accent-1-bg-default); color: #fff; }
.utrecht-page-header__content, .utrecht-breadcrumb-nav, .utrecht-page-content, .utrecht-page-footer {
  max-width: 80rem; margin: 0 auto; padding-inline: 1.5rem;
}
.utrecht-page-header__content { padding-block: .75rem; }
.stoplicht-logo { color: #fff; font-weight: 700; font-size: 1.25rem; text-decoration: none; display: inline-flex; align-items: center; gap: .6rem; }
.stoplicht-logo__lamps { display: inline-flex; flex-direction: column; gap: 2px; background: #1a1a1a; padding: 3px; border-radius: 4px; }
.stoplicht-logo__lamps span { width: .55rem; height: .55rem; border-radius: 50%; display: block; }
.stoplicht-logo__lamps span:nth-child(1) { background: #e53935; }
.stoplicht-logo__lamps span:nth-child(2) { background: #fb8c00; }
.stoplicht-logo__lamps span:nth-child(3) { background: #43a047; }
.utrecht-breadcrumb-nav__list { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem .5rem; padding: .75rem 0 0; margin: 0; font-size: .95rem; }
.utrecht-breadcrumb-nav__item + .utrecht-breadcrumb-nav__item::before { content: "›"; margin-right: .5rem; color: var(--basis-color-default-color-subtle); }
.utrecht-page-content { padding-block: 1rem 3rem; }
.utrecht-page-content:focus { outline: none; background: none; }
.utrecht-page-footer { border-top: 1px solid var(--basis-color-default-border-default); padding-block: 1rem; color: var(--basis-color-default-color-subtle); font-size: .9rem; }
.utrecht-heading-1 { font-size: 2rem; line-height: 1.2; margin: .25rem 0 1rem; }
.utrecht-heading-2 { font-size: 1.45rem; line-height: 1.25; margin: 2rem 0 .75rem; }
.utrecht-heading-3, .stoplicht-richtext h3 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; }
.stoplicht-richtext h4, .stoplicht-richtext h5, .stoplicht-richtext h6 { font-size: 1rem; margin: 1rem 0 .25rem; }
.utrecht-paragraph, .stoplicht-richtext p { margin: 0 0 .75rem; max-width: 75ch; }
.stoplicht-richtext ul, .stoplicht-richtext ol { margin: 0 0 .75rem; padding-left: 1.4rem; max-width: 75ch; }
.stoplicht-richtext > :last-child { margin-bottom: 0; }
.stoplicht-kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .85rem; font-weight: 600; color: var(--basis-color-default-color-subtle); margin: 0; }
.stoplicht-muted { color: var(--basis-color-default-color-subtle); }
.stoplicht-plain-list { list-style: none; padding: 0; margin: 0; }
.stoplicht-facts { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: .25rem 1.5rem; margin: 0 0 1.5rem; }
.stoplicht-facts dt { font-weight: 600; }
.stoplicht-facts dd { margin: 0; }
.utrecht-button-link { display: inline-block; padding: .6rem 1.1rem; border-radius: 4px; font-weight: 600; text-decoration: none; }
.utrecht-button-link--primary { background: var(--basis-color-accent-1-bg-default); color: #fff; }
.utrecht-button-link--primary:hover { background: #00527a; }
.utrecht-button-link--secondary { background: #fff; color: var(--basis-color-accent-1-bg-default); border: 2px solid var(--basis-color-accent-1-bg-default); padding: calc(.6rem - 2px) calc(1.1rem - 2px); }
.stoplicht-own__list { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: .75rem; max-width: 60rem; }
.stoplicht-own__item { border: 1px solid var(--basis-color-default-border-default); border-radius: 6px; padding: .6rem .9rem; }
.stoplicht-own__state { margin: .35rem 0 .5rem; color: var(--basis-color-default-color-subtle); }
.stoplicht-previous { color: var(--basis-color-default-color-subtle); margin: -.5rem 0 1.25rem; }
details.stoplicht-previous { margin: 0 0 1rem; }
details.stoplicht-previous > summary { margin: 0 0 .35rem; font-weight: 400; }
.stoplicht-tabs { border-bottom: 2px solid var(--basis-color-default-border-default); margin: 0 0 1.5rem; }
.stoplicht-tabs__list { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; margin: 0; }
.stoplicht-tabs__link { display: inline-block; padding: .4rem 0; color: var(--basis-color-accent-1-color-default); text-decoration: none; border-bottom: 3px solid transparent; margin-bottom: -2px; }
.stoplicht-tabs__link:hover { text-decoration: underline; }
.stoplicht-tabs__item--current .stoplicht-tabs__link { color: var(--basis-color-default-color-document); font-weight: 700; border-bottom-color: var(--basis-color-accent-1-bg-default); }
.stoplicht-carried { margin: .3rem 0 0; font-size: .8rem; color: var(--basis-color-default-color-subtle); }
.stoplicht-edit-link { margin: -.5rem 0 .75rem; font-size: .9rem; }
.stoplicht-publish-checks { list-style: none; padding: 0; margin: 0 0 1.5rem; max-width: 75ch; }
.stoplicht-check { padding: .5rem .75rem; margin-bottom: .5rem; border-left: 6px solid; }
.stoplicht-check--done { border-left-color: var(--basis-color-positive-border-default); background: var(--basis-color-positive-bg-default); }
.stoplicht-check--open { border-left-color: var(--basis-color-warning-border-default); background: var(--basis-color-warning-bg-default); }
.stoplicht-check ul { margin: .5rem 0 0; padding-left: 1.2rem; }
.stoplicht-form { margin: 1.5rem 0; max-width: 48rem; }
.stoplicht-actions { margin: 1rem 0; }
.stoplicht-actions li { margin: 0 0 .6rem; }
.stoplicht-concern { border-left-color: var(--basis-color-warning-border-default); background: var(--basis-color-warning-bg-default); color: var(--basis-color-warning-color-default); }
.stoplicht-row--concern > th, .stoplicht-row--concern > td { background: var(--basis-color-warning-bg-default); }
.stoplicht-changes { list-style: none; margin: .35rem 0 0; padding: 0; font-size: .85rem; }
.stoplicht-change { display: flex; gap: .3rem; align-items: baseline; }
.stoplicht-change--slechter, .stoplicht-change--later { color: var(--basis-color-negative-color-default); font-weight: 600; }
.stoplicht-change--beter, .stoplicht-change--eerder, .stoplicht-change--afgerond { color: var(--basis-color-positive-color-default); }
.stoplicht-change--nieuw { color: var(--basis-color-info-color-default); }
.stoplicht-account { display: flex; gap: .75rem; align-items: center; justify-content: flex-end; margin: 0 0 1rem; }
.utrecht-form-field { margin-bottom: 1.25rem; }
.utrecht-form-label { display: block; font-weight: 600; margin-bottom: .25rem; }
.utrecht-form-field-description { color: var(--basis-color-default-color-subtle); font-size: .9rem; margin-bottom: .35rem; }
.utrecht-textbox, .utrecht-select, .utrecht-textarea { font: inherit; padding: .45rem .6rem; border: 1px solid #6b6b6b; border-radius: 4px; background: #fff; color: inherit; max-width: 100%; }
.utrecht-textbox[type=text], .utrecht-textarea { width: 100%; box-sizing: border-box; }
.utrecht-textbox[type=email], .utrecht-textbox[type=password] { width: 100%; max-width: 24rem; box-sizing: border-box; }
.utrecht-textbox:focus, .utrecht-select:focus, .utrecht-textarea:focus, .utrecht-button:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
.utrecht-form-fieldset { border: 1px solid #c6c6c6; border-radius: 4px; padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
.utrecht-form-fieldset__legend { font-weight: 700; padding: 0 .35rem; }
.utrecht-button-group { display: flex; gap: .75rem; flex-wrap: wrap; align-items: center; }
.utrecht-button { font: inherit; font-weight: 600; padding: .6rem 1.1rem; border-radius: 4px; cursor: pointer; border: 2px solid var(--basis-color-accent-1-bg-default); }
.utrecht-button--primary-action { background: var(--basis-color-accent-1-bg-default); color: #fff; }
.utrecht-button--primary-action:hover { background: #00527a; }
.utrecht-button--secondary-action { background: #fff; color: var(--basis-color-accent-1-bg-default); }
.utrecht-alert { border-left: 6px solid var(--basis-color-negative-border-default); background: var(--basis-color-negative-bg-default); color: var(--basis-color-negative-color-default); padding: .75rem 1rem; margin: 1rem 0; }
.stoplicht-warnings li { margin-bottom: .35rem; }
/* Editing: refused fields, notices, conflicts, one-button forms. */
.utrecht-form-field--invalid { border-left: 4px solid var(--basis-color-negative-border-default); padding-left: .75rem; }
.utrecht-form-field--invalid .utrecht-textbox, .utrecht-form-field--invalid .utrecht-textarea, .utrecht-form-field--invalid .utrecht-select { border: 2px solid var(--basis-color-negative-border-default); }
.utrecht-form-field-error-message { color: var(--basis-color-negative-color-default); font-weight: 600; font-size: .9rem; margin-bottom: .35rem; }
.utrecht-form-field--checkbox { display: flex; gap: .5rem; align-items: center; }
.utrecht-form-label--checkbox { display: inline; font-weight: 400; margin: 0; }
.utrecht-alert--ok { border-left-color: var(--basis-color-positive-border-default); background: var(--basis-color-positive-bg-default); color: var(--basis-color-positive-color-default); }
.utrecht-alert--warning { border-left-color: var(--basis-color-warning-border-default); background: var(--basis-color-warning-bg-default); color: var(--basis-color-warning-color-default); }
.stoplicht-conflict__table td, .stoplicht-conflict__table th { white-space: pre-wrap; vertical-align: top; }
.stoplicht-conflict__differs th, .stoplicht-conflict__differs td { background: #fff; font-weight: 600; }
.stoplicht-inline-form { display: inline-block; margin: 0; }
.stoplicht-amount { text-align: right !important; white-space: nowrap; font-variant-numeric: tabular-nums; }
.stoplicht-shortfall { color: var(--basis-color-negative-color-default); font-weight: 700; }
.stoplicht-total th, .stoplicht-total td { font-weight: 700; border-top: 2px solid currentColor; }
.stoplicht-amount.stoplicht-wrap { white-space: normal; }
.stoplicht-roadmap { margin: 1rem 0; max-width: 100%; overflow-x: auto; }
.stoplicht-plan-flag { margin: .35rem 0 0; padding: .1rem .4rem; border-left: 3px solid var(--basis-color-warning-border-default);
  color: var(--basis-color-warning-color-default); font-size: .85rem; font-weight: 600; }
.stoplicht-finance__chart { margin: 1rem 0; max-width: 100%; overflow-x: auto; }
.stoplicht-finance__chart svg { max-width: 100%; height: auto; }
.stoplicht-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
details > summary { cursor: pointer; font-weight: 600; margin: .75rem 0; color: var(--utrecht-link-color, #01689b); }
.stoplicht-explanation { margin-top: .5rem; }
.stoplicht-explanation__label { margin: 0; }
.stoplicht-audit__values { margin: 0; }
.stoplicht-audit__values dt { font-weight: 600; }
.stoplicht-audit__values dd { margin: 0 0 .35rem; white-space: pre-wrap; }
/* A light: a round mark in its colour and always its word. */
.stoplicht-light { display: inline-flex; align-items: center; gap: .4rem; padding: .1rem .55rem .1rem .35rem; border-radius: 1rem;
  border: 1px solid; font-weight: 600; font-size: .9rem; white-space: nowrap; }
.stoplicht-light__mark { width: .85rem; height: .85rem; border-radius: 50%; border: 2px solid currentColor; }
.stoplicht-light--positive { color: var(--basis-color-positive-color-default); background-color: var(--basis-color-positive-bg-default); border-color: var(--basis-color-positive-border-default); }
.stoplicht-light--positive .stoplicht-light__mark { background-color: var(--basis-color-positive-border-default); border-color: var(--basis-color-positive-border-default); }
.stoplicht-light--warning { color: var(--basis-color-warning-color-default); background-color: var(--basis-color-warning-bg-default); border-color: var(--basis-color-warning-border-default); }
.stoplicht-light--warning .stoplicht-light__mark { background-color: var(--basis-color-warning-border-default); border-color: var(--basis-color-warning-border-default); }
.stoplicht-light--negative { color: var(--basis-color-negative-color-default); background-color: var(--basis-color-negative-bg-default); border-color: var(--basis-color-negative-border-default); }
.stoplicht-light--negative .stoplicht-light__mark { background-color: var(--basis-color-negative-border-default); border-color: var(--basis-color-negative-border-default); }
.stoplicht-light--neutral { color: var(--basis-color-neutral-color-default); background-color: var(--basis-color-neutral-bg-default); border-color: var(--basis-color-neutral-border-default); }
.stoplicht-light--neutral .stoplicht-light__mark { background-color: var(--basis-color-neutral-border-default); border-color: var(--basis-color-neutral-border-default); }
.stoplicht-light--info { color: var(--basis-color-info-color-default); background-color: var(--basis-color-info-bg-default); border-color: var(--basis-color-info-border-default); }
.stoplicht-light--info .stoplicht-light__mark { background-color: var(--basis-color-info-border-default); }
.stoplicht-light--none { color: var(--basis-color-default-color-subtle); background: #fff; border-style: dashed; border-color: var(--basis-color-default-border-default); font-weight: 400; }
.stoplicht-light--none .stoplicht-light__mark { border-width: 1.5px; }
.utrecht-badge-status { display: inline-block; font-size: .8rem; padding: 0 .45rem; border-radius: 3px; background: var(--basis-color-default-bg-subtle); border: 1px solid var(--basis-color-default-border-default); margin-top: .3rem; }
.stoplicht-lifecycle--opgeleverd { background: var(--basis-color-neutral-bg-default); }
.stoplicht-lifecycle--niet-gestart { background: var(--basis-color-info-bg-default); }
.stoplicht-counts__list { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .75rem; }
.stoplicht-counts__item { display: flex; align-items: center; gap: .5rem; padding: .5rem .75rem; border: 1px solid var(--basis-color-default-border-default); border-radius: 6px; background: var(--basis-color-default-bg-subtle); }
.stoplicht-counts__link { display: flex; align-items: center; gap: .5rem; color: inherit; text-decoration: none; }
.stoplicht-counts__link:hover .stoplicht-counts__number { text-decoration: underline; }
.stoplicht-counts__number { font-size: 1.5rem; font-weight: 700; min-width: 1.5ch; text-align: right; }
.stoplicht-legend { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; margin: 0 0 1rem; align-items: start; }
.stoplicht-legend dd { margin: 0; }
.stoplicht-cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
.stoplicht-search { margin: 1rem 0 1.5rem; max-width: 36rem; }
.stoplicht-search .utrecht-textbox { width: 100%; }
.stoplicht-search .utrecht-button-group { margin-top: .5rem; }
.stoplicht-search [role=status] { margin-top: .75rem; color: var(--basis-color-default-color-subtle); }
.utrecht-pagination { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: baseline; margin: 1.5rem 0; }
.stoplicht-card { border: 1px solid var(--basis-color-default-border-default); border-radius: 6px; padding: 1rem 1.25rem; }
.stoplicht-card .utrecht-heading-2 { margin-top: 0; }
.stoplicht-table-scroll { overflow-x: auto; position: relative; }
.utrecht-table { border-collapse: collapse; width: 100%; font-size: .95rem; }
.utrecht-table caption { text-align: left; font-weight: 600; padding: .5rem 0; color: var(--basis-color-default-color-subtle); }
.utrecht-table th, .utrecht-table td { border-bottom: 1px solid var(--basis-color-default-border-default); padding: .6rem .5rem; text-align: left; vertical-align: top; }
.utrecht-table thead th { background: var(--basis-color-default-bg-subtle); border-bottom: 2px solid var(--basis-color-default-color-document); white-space: nowrap; }
.stoplicht-col-name { min-width: 14rem; }
.stoplicht-col-remarks { min-width: 22rem; overflow-wrap: break-word; }
/* Lights per dimension: small labelled badges under the project's light. */
.stoplicht-dimension-lights { list-style: none; padding: 0; margin: .35rem 0 0; display: flex; flex-wrap: wrap; gap: .2rem .3rem; }
.stoplicht-dimension-light { display: inline-block; font-size: .75rem; line-height: 1.4; padding: 0 .4rem 0 .3rem; border: 1px solid; border-radius: .7rem; white-space: nowrap; }
.stoplicht-dimension-light .stoplicht-light__mark { display: inline-block; width: .6rem; height: .6rem; border-width: 1.5px; margin-right: .25rem; vertical-align: -0.05em; }
.stoplicht-col-lifecycle { white-space: nowrap; }
.stoplicht-col-number { width: 3rem; text-align: right !important; }
.stoplicht-row { border-left: 4px solid transparent; }
.stoplicht-row--warning > th { box-shadow: inset 4px 0 var(--basis-color-warning-border-default); }
.stoplicht-row--negative > th { box-shadow: inset 4px 0 var(--basis-color-negative-border-default); }
.stoplicht-row--positive > th { box-shadow: inset 4px 0 var(--basis-color-positive-border-default); }
.stoplicht-row--neutral > th { box-shadow: inset 4px 0 var(--basis-color-neutral-border-default); }
.stoplicht-items { margin: .3rem 0 0; padding-left: 1.1rem; color: var(--basis-color-default-color-subtle); font-size: .9rem; }
.stoplicht-history { list-style: none; padding: 0; }
.stoplicht-trend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
.stoplicht-trend__period { display: flex; flex-direction: column; align-items: flex-start; gap: .25rem; font-size: .9rem; }
.stoplicht-dimensions { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0 0 .75rem; }
.stoplicht-dimensions dt { font-weight: 600; align-self: center; }
.stoplicht-dimensions dd { margin: 0 .5rem 0 0; }
.stoplicht-excerpt { margin: 0; max-width: 60ch; }
.stoplicht-report__contents ol { columns: 2; column-gap: 2rem; max-width: 40rem; }
.stoplicht-report__contents li { margin-bottom: .2rem; }
.stoplicht-history__entry { border-left: 3px solid var(--basis-color-default-border-default); padding: 0 0 .5rem 1rem; margin-bottom: 1rem; }
.stoplicht-report__cover { border-bottom: 3px solid var(--basis-color-accent-1-bg-default); margin-bottom: 1.5rem; }
/* A report not yet published says so at its top, and on every printed page. */
.stoplicht-draft-mark { border: 2px dashed var(--basis-color-warning-border-default); background: var(--basis-color-warning-bg-default);
  color: var(--basis-color-warning-color-default); padding: .5rem .75rem; margin: 0 0 1rem; max-width: 75ch; }
.stoplicht-decisions li, .stoplicht-risks li { margin-bottom: .75rem; max-width: 75ch; }
/* Narrow screens: the project table's rows stack as cards, each value under its column's name. */
@media screen and (max-width: 40rem) {
  .stoplicht-account { flex-wrap: wrap; gap: .25rem .75rem; font-size: .9rem; justify-content: flex-start; }
  .stoplicht-account .utrecht-button { padding: .3rem .7rem; }
  .utrecht-heading-1 { font-size: 1.5rem; }
  .stoplicht-facts, .stoplicht-legend { grid-template-columns: minmax(0, 1fr); gap: 0 1rem; }
  .stoplicht-facts dd { margin-bottom: .5rem; }
  .stoplicht-annex thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .stoplicht-annex, .stoplicht-annex tbody, .stoplicht-annex tr, .stoplicht-annex tbody th, .stoplicht-annex td { display: block; width: auto; }
  .stoplicht-annex caption { display: block; }
  .stoplicht-annex tr { border: 1px solid var(--basis-color-default-border-default); border-left-width: 6px; border-radius: 6px; margin: 0 0 1rem; padding: .5rem .75rem; }
  .stoplicht-row--warning { border-left-color: var(--basis-color-warning-border-default) !important; }
  .stoplicht-row--negative { border-left-color: var(--basis-color-negative-border-default) !important; }
  .stoplicht-row--positive { border-left-color: var(--basis-color-positive-border-default) !important; }
  .stoplicht-row--neutral { border-left-color: var(--basis-color-neutral-border-default) !important; }
  .stoplicht-annex tbody th, .stoplicht-annex td { border: 0; padding: .2rem 0; min-width: 0; }
  .stoplicht-annex tbody th.stoplicht-col-number { float: left; margin-right: .4rem; text-align: left !important; box-shadow: none; }
  .stoplicht-annex tbody th.stoplicht-col-number::after { content: "."; }
  .stoplicht-annex td[data-label]::before { content: attr(data-label); display: block; font-weight: 600; font-size: .85rem; color: var(--basis-color-default-color-subtle); }
}
@media print {
  @page { size: A4; margin: 18mm 15mm; }
  .utrecht-page-header, .utrecht-breadcrumb-nav, .utrecht-page-footer, .nl-skip-link, .stoplicht-print-hint, .stoplicht-report__contents, .stoplicht-downloads, .stoplicht-account, .stoplicht-edit-link, .utrecht-alert--ok { display: none; }
  .utrecht-document { font-size: 10pt; }
  .utrecht-page-content { max-width: none; padding: 0; }
  .stoplicht-table-scroll { overflow: visible; }
  .utrecht-table thead { display: table-header-group; }
  .utrecht-table tr { break-inside: avoid; }
  .stoplicht-report__section { break-before: auto; }
  .stoplicht-report__annex { break-before: page; }
  .utrecht-heading-2 { break-after: avoid; }
  a.utrecht-link { color: inherit; text-decoration: none; }
  .stoplicht-light, .stoplicht-light__mark, .stoplicht-row > th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  /* The annex on landscape pages, its columns fitted to the page. */
  @page landscape { size: A4 landscape; }
  .stoplicht-report__annex { page: landscape; }
  .stoplicht-annex { width: 100%; table-layout: fixed; font-size: 8.5pt; }
  .stoplicht-annex .stoplicht-light { white-space: normal; }
  .stoplicht-col-name, .stoplicht-col-remarks { min-width: 0; }
  .stoplicht-annex th, .stoplicht-annex td { overflow-wrap: break-word; }
  .stoplicht-annex thead th:nth-child(1) { width: 3.6em; }
  .stoplicht-annex .stoplicht-items { font-size: 1em; }
  .stoplicht-counts__item { margin-right: .8em; }
  .stoplicht-counts__number { margin-right: .25em; }
  .stoplicht-light__mark { background-clip: border-box; }
  .stoplicht-annex thead .stoplicht-col-name { width: 22%; }
  .stoplicht-annex thead .stoplicht-col-leader { width: 13%; }
  .stoplicht-annex thead .stoplicht-col-light { width: 15%; }
  .stoplicht-dimension-light { font-size: 7pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  /* A light as a box with a round mark and its word, in any renderer. */
  .stoplicht-light { display: inline-block; white-space: nowrap; }
  .stoplicht-light__mark { display: inline-block; vertical-align: -0.1em; margin-right: .3em; flex: none; }
  /* The finance figures fitted to a portrait page, the chart kept whole. */
  .stoplicht-finance table { width: 100%; table-layout: fixed; font-size: 8.5pt; }
  .stoplicht-finance thead th:first-child { width: 30%; }
  .stoplicht-finance thead th { white-space: normal; overflow-wrap: normal; }
  .stoplicht-finance th, .stoplicht-finance td { padding: .35rem .25rem; }
  .stoplicht-finance__chart { break-inside: avoid; overflow: visible; }
  .stoplicht-finance__chart svg, .stoplicht-roadmap svg { width: 100%; height: auto; }
  .stoplicht-roadmap { break-inside: avoid; overflow: visible; }
  /* Fixed: repeated on every page (WeasyPrint and chromium both do). */
  .stoplicht-draft-mark { position: fixed; top: -13mm; right: 0; margin: 0; padding: .05rem .6rem; font-size: 10pt;
    border-width: 1.5px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .stoplicht-draft-mark__text { display: none; }
}
"""#
}
