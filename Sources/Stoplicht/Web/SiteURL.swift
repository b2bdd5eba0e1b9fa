import Foundation
import RoutingKit

/// Every page of the site, each declared once (`parts`): routes are registered with its
/// `pattern` and views link with its `path`, so a link cannot point nowhere and a route's
/// words cannot drift from its links. `SiteURLTests` states every address.
enum SiteURL {
    case home
    case stylesheet
    case programme(String)
    case project(programme: String, number: Int)
    case period(programme: String, period: String)
    case trend(String)
    case login
    case logout
    case importForm(programme: String?)
    case importPreview(UUID)
    case importMapping(UUID)
    case importCancel(UUID)
    case statusEdit(programme: String, number: Int, period: String)
    case projectNew(String)
    case projectEdit(programme: String, number: Int)
    case projectArchive(programme: String, number: Int)
    case projectAudit(programme: String, number: Int)
    case periodDesk(String)
    case periodOpen(String)
    case periodMove(programme: String, period: String)
    case periodPublish(programme: String, period: String)
    case periodTexts(programme: String, period: String)
    case periodAudit(programme: String, period: String)
    case programmeAccess(String)
    case users
    case userRoles
    case download(programme: String, period: String, format: String)
    case finance(String)
    case financeDone(programme: String, done: String)
    case financeLines(String)
    case financeQuotes(String)
    case financeQuoteState(programme: String, quote: UUID)
    case financeTransfers(String)
    case financeTransferDecision(programme: String, transfer: UUID)
    case financeCostCentres(String)
    case financeActuals(String)
    case prerequisites(programme: String, number: Int)
    case prerequisiteRemove(programme: String, number: Int, id: UUID)
    case replan(programme: String, number: Int)
    case roadmap(String)
    case postpone(programme: String, number: Int)
    case milestones(programme: String, number: Int)
    case apiTokens
    case apiTokenRevoke(UUID)
    case postponeDecision(programme: String, number: Int, id: UUID)

    /// The address's words and parameters, in order.
    var parts: [Part] {
        switch self {
        case .home: []
        case .stylesheet: ["css", "stoplicht.css"]
        case .programme(let slug): ["programmas", .programme(slug)]
        case .project(let programme, let number): ["programmas", .programme(programme), "projecten", .number(number)]
        case .period(let programme, let period): ["programmas", .programme(programme), "perioden", .period(period)]
        case .trend(let slug): ["programmas", .programme(slug), "verloop"]
        case .login: ["inloggen"]
        case .logout: ["uitloggen"]
        case .importForm: ["importeren"]
        case .importPreview(let id): ["importeren", .id(id, as: "upload")]
        case .importMapping(let id): ["importeren", .id(id, as: "upload"), "indeling"]
        case .importCancel(let id): ["importeren", .id(id, as: "upload"), "annuleren"]
        case .statusEdit(let programme, let number, _):
            ["programmas", .programme(programme), "projecten", .number(number), "bijwerken"]
        case .projectNew(let programme): ["programmas", .programme(programme), "projecten", "nieuw"]
        case .projectEdit(let programme, let number):
            ["programmas", .programme(programme), "projecten", .number(number), "wijzigen"]
        case .projectArchive(let programme, let number):
            ["programmas", .programme(programme), "projecten", .number(number), "archiveren"]
        case .projectAudit(let programme, let number):
            ["programmas", .programme(programme), "projecten", .number(number), "wijzigingen"]
        case .periodDesk(let programme): ["programmas", .programme(programme), "beheer"]
        case .periodOpen(let programme): ["programmas", .programme(programme), "perioden"]
        case .periodMove(let programme, let period):
            ["programmas", .programme(programme), "perioden", .period(period), "status"]
        case .periodPublish(let programme, let period):
            ["programmas", .programme(programme), "perioden", .period(period), "publiceren"]
        case .periodTexts(let programme, let period):
            ["programmas", .programme(programme), "perioden", .period(period), "teksten"]
        case .periodAudit(let programme, let period):
            ["programmas", .programme(programme), "perioden", .period(period), "wijzigingen"]
        case .programmeAccess(let programme): ["programmas", .programme(programme), "toegang"]
        case .users: ["beheer", "gebruikers"]
        case .userRoles: ["beheer", "gebruikers", "rollen"]
        case .download(let programme, let period, let format):
            [
                "programmas", .programme(programme), "perioden", .period(period), "download",
                .parameter("format", format),
            ]
        case .finance(let programme): ["programmas", .programme(programme), "financien"]
        case .financeDone(let programme, _): ["programmas", .programme(programme), "financien"]
        case .financeLines(let programme): ["programmas", .programme(programme), "financien", "begrotingsregels"]
        case .financeQuotes(let programme): ["programmas", .programme(programme), "financien", "offertes"]
        case .financeQuoteState(let programme, let quote):
            ["programmas", .programme(programme), "financien", "offertes", .id(quote, as: "quote"), "stand"]
        case .financeTransfers(let programme): ["programmas", .programme(programme), "financien", "overhevelingen"]
        case .financeTransferDecision(let programme, let transfer):
            [
                "programmas", .programme(programme), "financien", "overhevelingen", .id(transfer, as: "transfer"),
                "besluit",
            ]
        case .financeCostCentres(let programme): ["programmas", .programme(programme), "financien", "kostenplaatsen"]
        case .financeActuals(let programme): ["programmas", .programme(programme), "financien", "realisatie"]
        case .prerequisites(let programme, let number):
            ["programmas", .programme(programme), "projecten", .number(number), "randvoorwaarden"]
        case .prerequisiteRemove(let programme, let number, let id):
            [
                "programmas", .programme(programme), "projecten", .number(number), "randvoorwaarden", .id(id, as: "id"),
                "verwijderen",
            ]
        case .replan(let programme, let number):
            ["programmas", .programme(programme), "projecten", .number(number), "herplannen"]
        case .roadmap(let programme): ["programmas", .programme(programme), "tijdlijn"]
        case .postpone(let programme, let number):
            ["programmas", .programme(programme), "projecten", .number(number), "uitstel"]
        case .milestones(let programme, let number):
            ["programmas", .programme(programme), "projecten", .number(number), "mijlpalen"]
        case .apiTokens: ["mijn-account", "api-tokens"]
        case .apiTokenRevoke(let id): ["mijn-account", "api-tokens", .id(id, as: "token"), "intrekken"]
        case .postponeDecision(let programme, let number, let id):
            [
                "programmas", .programme(programme), "projecten", .number(number), "uitstel", .id(id, as: "id"),
                "besluit",
            ]
        }
    }

    /// What follows the path: a query, and where the page should scroll to.
    var query: String? {
        switch self {
        case .importForm(let programme): programme.map { "programma=\($0)" }
        case .statusEdit(_, _, let period): "periode=\(period)"
        case .financeDone(_, let done): "gedaan=\(done)#\(done)"
        default: nil
        }
    }

    var path: String {
        "/" + parts.map(\.text).joined(separator: "/") + (query.map { "?" + $0 } ?? "")
    }

    /// The route's pattern: the words as they are, the parameters by the names the handlers read.
    var pattern: [PathComponent] {
        parts.map { part in part.parameter.map { .parameter($0) } ?? .constant(part.text) }
    }

    /// One part of an address: a word of the site, or a parameter that the route reads by
    /// its name and a link fills in.
    struct Part: ExpressibleByStringLiteral, Sendable {
        /// Nil for a word.
        var parameter: String?
        var text: String

        init(stringLiteral word: String) {
            text = word
        }

        init(parameter: String, text: String) {
            self.parameter = parameter
            self.text = text
        }

        static func programme(_ slug: String) -> Part { Part(parameter: "programme", text: slug) }
        static func period(_ slug: String) -> Part { Part(parameter: "period", text: slug) }
        static func number(_ number: Int) -> Part { Part(parameter: "number", text: String(number)) }
        static func parameter(_ name: String, _ text: String) -> Part { Part(parameter: name, text: text) }
        static func id(_ id: UUID, as name: String) -> Part { Part(parameter: name, text: id.uuidString.lowercased()) }
    }

    /// Route patterns, for `routes`: each the pattern of its address.
    enum Pattern {
        static let stylesheet = SiteURL.stylesheet.pattern
        static let programme = SiteURL.programme("").pattern
        static let project = SiteURL.project(programme: "", number: 0).pattern
        static let period = SiteURL.period(programme: "", period: "").pattern
        static let trend = SiteURL.trend("").pattern
        static let login = SiteURL.login.pattern
        static let logout = SiteURL.logout.pattern
        static let importForm = SiteURL.importForm(programme: nil).pattern
        static let importPreview = SiteURL.importPreview(UUID()).pattern
        static let importMapping = SiteURL.importMapping(UUID()).pattern
        static let importCancel = SiteURL.importCancel(UUID()).pattern
        static let statusEdit = SiteURL.statusEdit(programme: "", number: 0, period: "").pattern
        static let projectNew = SiteURL.projectNew("").pattern
        static let projectEdit = SiteURL.projectEdit(programme: "", number: 0).pattern
        static let projectArchive = SiteURL.projectArchive(programme: "", number: 0).pattern
        static let projectAudit = SiteURL.projectAudit(programme: "", number: 0).pattern
        static let periodDesk = SiteURL.periodDesk("").pattern
        static let periodOpen = SiteURL.periodOpen("").pattern
        static let periodMove = SiteURL.periodMove(programme: "", period: "").pattern
        static let periodPublish = SiteURL.periodPublish(programme: "", period: "").pattern
        static let periodTexts = SiteURL.periodTexts(programme: "", period: "").pattern
        static let periodAudit = SiteURL.periodAudit(programme: "", period: "").pattern
        static let programmeAccess = SiteURL.programmeAccess("").pattern
        static let users = SiteURL.users.pattern
        static let userRoles = SiteURL.userRoles.pattern
        static let download = SiteURL.download(programme: "", period: "", format: "").pattern
        static let finance = SiteURL.finance("").pattern
        static let financeLines = SiteURL.financeLines("").pattern
        static let financeQuotes = SiteURL.financeQuotes("").pattern
        static let financeQuoteState = SiteURL.financeQuoteState(programme: "", quote: UUID()).pattern
        static let financeTransfers = SiteURL.financeTransfers("").pattern
        static let financeTransferDecision = SiteURL.financeTransferDecision(programme: "", transfer: UUID()).pattern
        static let financeCostCentres = SiteURL.financeCostCentres("").pattern
        static let financeActuals = SiteURL.financeActuals("").pattern
        static let prerequisites = SiteURL.prerequisites(programme: "", number: 0).pattern
        static let prerequisiteRemove = SiteURL.prerequisiteRemove(programme: "", number: 0, id: UUID()).pattern
        static let replan = SiteURL.replan(programme: "", number: 0).pattern
        static let roadmap = SiteURL.roadmap("").pattern
        static let postpone = SiteURL.postpone(programme: "", number: 0).pattern
        static let milestones = SiteURL.milestones(programme: "", number: 0).pattern
        static let apiTokens = SiteURL.apiTokens.pattern
        static let apiTokenRevoke = SiteURL.apiTokenRevoke(UUID()).pattern
        static let postponeDecision = SiteURL.postponeDecision(programme: "", number: 0, id: UUID()).pattern
    }
}
