import Foundation
import RoutingKit

/// Every page of the site. Routes are registered from these paths and views link with
/// them, so a link cannot point nowhere.
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

    var path: String {
        switch self {
        case .home: "/"
        case .stylesheet: "/css/stoplicht.css"
        case .programme(let slug): "/programmas/\(slug)"
        case .project(let programme, let number): "/programmas/\(programme)/projecten/\(number)"
        case .period(let programme, let period): "/programmas/\(programme)/perioden/\(period)"
        case .trend(let slug): "/programmas/\(slug)/verloop"
        case .login: "/inloggen"
        case .logout: "/uitloggen"
        case .importForm(let programme): "/importeren" + (programme.map { "?programma=\($0)" } ?? "")
        case .importPreview(let id): "/importeren/\(id.uuidString.lowercased())"
        case .importMapping(let id): "/importeren/\(id.uuidString.lowercased())/indeling"
        case .importCancel(let id): "/importeren/\(id.uuidString.lowercased())/annuleren"
        case .statusEdit(let programme, let number, let period): "/programmas/\(programme)/projecten/\(number)/bijwerken?periode=\(period)"
        case .projectNew(let programme): "/programmas/\(programme)/projecten/nieuw"
        case .projectEdit(let programme, let number): "/programmas/\(programme)/projecten/\(number)/wijzigen"
        case .projectArchive(let programme, let number): "/programmas/\(programme)/projecten/\(number)/archiveren"
        case .projectAudit(let programme, let number): "/programmas/\(programme)/projecten/\(number)/wijzigingen"
        case .periodDesk(let programme): "/programmas/\(programme)/beheer"
        case .periodOpen(let programme): "/programmas/\(programme)/perioden"
        case .periodMove(let programme, let period): "/programmas/\(programme)/perioden/\(period)/status"
        case .periodPublish(let programme, let period): "/programmas/\(programme)/perioden/\(period)/publiceren"
        case .periodTexts(let programme, let period): "/programmas/\(programme)/perioden/\(period)/teksten"
        case .periodAudit(let programme, let period): "/programmas/\(programme)/perioden/\(period)/wijzigingen"
        case .programmeAccess(let programme): "/programmas/\(programme)/toegang"
        case .users: "/beheer/gebruikers"
        case .userRoles: "/beheer/gebruikers/rollen"
        case .download(let programme, let period, let format): "/programmas/\(programme)/perioden/\(period)/download/\(format)"
        case .finance(let programme): "/programmas/\(programme)/financien"
        case .financeDone(let programme, let done): "/programmas/\(programme)/financien?gedaan=\(done)#\(done)"
        case .financeLines(let programme): "/programmas/\(programme)/financien/begrotingsregels"
        case .financeQuotes(let programme): "/programmas/\(programme)/financien/offertes"
        case .financeQuoteState(let programme, let quote): "/programmas/\(programme)/financien/offertes/\(quote.uuidString.lowercased())/stand"
        case .financeTransfers(let programme): "/programmas/\(programme)/financien/overhevelingen"
        case .financeTransferDecision(let programme, let transfer):
            "/programmas/\(programme)/financien/overhevelingen/\(transfer.uuidString.lowercased())/besluit"
        case .financeCostCentres(let programme): "/programmas/\(programme)/financien/kostenplaatsen"
        case .financeActuals(let programme): "/programmas/\(programme)/financien/realisatie"
        case .prerequisites(let programme, let number): "/programmas/\(programme)/projecten/\(number)/randvoorwaarden"
        case .prerequisiteRemove(let programme, let number, let id):
            "/programmas/\(programme)/projecten/\(number)/randvoorwaarden/\(id.uuidString.lowercased())/verwijderen"
        case .replan(let programme, let number): "/programmas/\(programme)/projecten/\(number)/herplannen"
        case .roadmap(let programme): "/programmas/\(programme)/tijdlijn"
        case .postpone(let programme, let number): "/programmas/\(programme)/projecten/\(number)/uitstel"
        case .milestones(let programme, let number): "/programmas/\(programme)/projecten/\(number)/mijlpalen"
        case .apiTokens: "/mijn-account/api-tokens"
        case .apiTokenRevoke(let id): "/mijn-account/api-tokens/\(id.uuidString.lowercased())/intrekken"
        case .postponeDecision(let programme, let number, let id): "/programmas/\(programme)/projecten/\(number)/uitstel/\(id.uuidString.lowercased())/besluit"
        }
    }

    /// Route patterns, parameter names as the handlers read them.
    enum Pattern {
        static let programme: [PathComponent] = ["programmas", ":programme"]
        static let project: [PathComponent] = ["programmas", ":programme", "projecten", ":number"]
        static let period: [PathComponent] = ["programmas", ":programme", "perioden", ":period"]
        static let stylesheet: [PathComponent] = ["css", "stoplicht.css"]
        static let trend: [PathComponent] = ["programmas", ":programme", "verloop"]
        static let login: [PathComponent] = ["inloggen"]
        static let logout: [PathComponent] = ["uitloggen"]
        static let importForm: [PathComponent] = ["importeren"]
        static let importPreview: [PathComponent] = ["importeren", ":upload"]
        static let importMapping: [PathComponent] = ["importeren", ":upload", "indeling"]
        static let importCancel: [PathComponent] = ["importeren", ":upload", "annuleren"]
        static let statusEdit: [PathComponent] = ["programmas", ":programme", "projecten", ":number", "bijwerken"]
        static let projectNew: [PathComponent] = ["programmas", ":programme", "projecten", "nieuw"]
        static let projectEdit: [PathComponent] = ["programmas", ":programme", "projecten", ":number", "wijzigen"]
        static let projectArchive: [PathComponent] = ["programmas", ":programme", "projecten", ":number", "archiveren"]
        static let projectAudit: [PathComponent] = ["programmas", ":programme", "projecten", ":number", "wijzigingen"]
        static let periodDesk: [PathComponent] = ["programmas", ":programme", "beheer"]
        static let periodOpen: [PathComponent] = ["programmas", ":programme", "perioden"]
        static let periodMove: [PathComponent] = ["programmas", ":programme", "perioden", ":period", "status"]
        static let periodPublish: [PathComponent] = ["programmas", ":programme", "perioden", ":period", "publiceren"]
        static let periodTexts: [PathComponent] = ["programmas", ":programme", "perioden", ":period", "teksten"]
        static let periodAudit: [PathComponent] = ["programmas", ":programme", "perioden", ":period", "wijzigingen"]
        static let programmeAccess: [PathComponent] = ["programmas", ":programme", "toegang"]
        static let users: [PathComponent] = ["beheer", "gebruikers"]
        static let userRoles: [PathComponent] = ["beheer", "gebruikers", "rollen"]
        static let download: [PathComponent] = ["programmas", ":programme", "perioden", ":period", "download", ":format"]
        static let finance: [PathComponent] = ["programmas", ":programme", "financien"]
        static let financeLines: [PathComponent] = ["programmas", ":programme", "financien", "begrotingsregels"]
        static let financeQuotes: [PathComponent] = ["programmas", ":programme", "financien", "offertes"]
        static let financeQuoteState: [PathComponent] = ["programmas", ":programme", "financien", "offertes", ":quote", "stand"]
        static let financeTransfers: [PathComponent] = ["programmas", ":programme", "financien", "overhevelingen"]
        static let financeTransferDecision: [PathComponent] = ["programmas", ":programme", "financien", "overhevelingen", ":transfer", "besluit"]
        static let financeCostCentres: [PathComponent] = ["programmas", ":programme", "financien", "kostenplaatsen"]
        static let financeActuals: [PathComponent] = ["programmas", ":programme", "financien", "realisatie"]
        static let prerequisites: [PathComponent] = ["programmas", ":programme", "projecten", ":number", "randvoorwaarden"]
        static let prerequisiteRemove: [PathComponent] = ["programmas", ":programme", "projecten", ":number", "randvoorwaarden", ":id", "verwijderen"]
        static let replan: [PathComponent] = ["programmas", ":programme", "projecten", ":number", "herplannen"]
        static let roadmap: [PathComponent] = ["programmas", ":programme", "tijdlijn"]
        static let postpone: [PathComponent] = ["programmas", ":programme", "projecten", ":number", "uitstel"]
        static let milestones: [PathComponent] = ["programmas", ":programme", "projecten", ":number", "mijlpalen"]
        static let apiTokens: [PathComponent] = ["mijn-account", "api-tokens"]
        static let apiTokenRevoke: [PathComponent] = ["mijn-account", "api-tokens", ":token", "intrekken"]
        static let postponeDecision: [PathComponent] = ["programmas", ":programme", "projecten", ":number", "uitstel", ":id", "besluit"]
    }
}
