import Foundation
import StoplichtCore

/// Every text the user reads, in Dutch, outside the views: a feature's own texts in
/// `Strings+Feature.swift` in its folder, the texts several features use here.
enum Strings {
    static let appName = "Stoplicht"
    static let skipToContent = "Naar de inhoud"
    static let breadcrumbs = "Kruimelpad"
    static let footer = "Stoplicht — voortgangsrapportage voor gemeentelijke programma's"
    static let programmes = "Programma's"
    static let noProgrammes =
        "Er zijn nog geen programma's. Importeer een rapportage met `stoplicht import BESTAND` of start de demo met `swift run stoplicht demo`."
    static func noProgrammesFound(_ search: String) -> String {
        "Geen programma's gevonden voor ‘\(search)’. Zoek op een deel van de naam van het programma of van de gemeente."
    }
    static let programmeSearchLabel = "Programma zoeken"
    static let programmeSearchHint =
        "Op de naam van het programma of van de organisatie, hoofdletters en accenten maken niet uit."
    static let programmeSearchButton = "Zoeken"
    static func programmeCount(_ count: Int) -> String {
        count == 1 ? "1 programma" : "\(dutchCount(count)) programma's"
    }
    static func programmesFound(_ count: Int, of all: Int) -> String {
        "\(dutchCount(count)) van \(dutchCount(all)) programma's gevonden"
    }
    static func programmesPage(_ page: Int, of pages: Int) -> String { "Programma's, pagina \(page) van \(pages)" }
    static let pagination = "Paginering"
    static let previousPage = "Vorige pagina"
    static let nextPage = "Volgende pagina"
    static func pageOf(_ page: Int, _ pages: Int) -> String { "Pagina \(page) van \(pages)" }
    /// "2.000": a whole number with the Dutch thousands point.
    static func dutchCount(_ count: Int) -> String {
        (count < 0 ? "-" : "") + ReportedAmount.grouped(UInt64(count.magnitude))
    }
    static let projects = "Projecten"
    static let project = "Project"
    static let number = "Nr."
    static let leader = "Projectleider"
    static let leaders = "Projectleiders"
    static let light = "Status"
    static let lifecycle = "Levensfase"
    static let dimensionLights = "Lichten per dimensie"
    static let remarks = "Opmerking(en)"
    static let noRemarks = "Geen toelichting."
    static let noLeader = "Geen projectleider"
    static let periods = "Rapportageperiodes"
    static let period = "Rapportageperiode"
    static let currentPeriod = "Huidige periode"
    static let report = "Voortgangsrapportage"
    static let readReport = "Lees de rapportage"
    static let history = "Verloop per periode"
    static let items = "Onderdelen"
    static let plannedDelivery = "Geplande oplevering"
    static let forecastDelivery = "Verwachte oplevering"
    static let duration = "Doorlooptijd"
    static let politicalSponsor = "Bestuurlijk opdrachtgever"
    static let administrativeSponsor = "Ambtelijk opdrachtgever"
    static let programmeManager = "Programmamanager"
    static let portfolioHolder = "Portefeuillehouder"
    static let legend = "Legenda"
    static let contents = "Inhoud"
    static let trend = "Stoplicht per periode"
    static let lightsSummary = "Stand van de stoplichten"
    static let projectTable = "Projectplanning, status en toelichting"
    static let periodOpen = "Open"
    static let periodInReview = "Ter controle"
    static let periodPublished = "Gepubliceerd"
    static let state = "Stand"
    static let decisionRequested = "Gevraagd"
    static let decisionApproved = "Akkoord"
    static let decisionRejected = "Afgewezen"
    static let decisionDeferred = "Aangehouden"
    static let noPeriods = "Dit programma heeft nog geen rapportageperiode."
    static let noStatus = "Geen status"
    static let printHint = "Druk deze pagina af of bewaar haar als PDF met de afdrukfunctie van de browser."
    static let firm = "via"
    static let lineManager = "Lijnmanager"
    static let phase = "Fase"
    static let projectGroup = "Groep"
    static func lightAssessedBy(_ assessor: String) -> String { "(licht gegeven door: \(assessor))" }
    static let riskProfile = "Risicoprofiel"
    static let notInPeriod = "Niet in deze periode gerapporteerd."
    /// A change since the previous report: a class name, a symbol, and the words.
    static func change(_ change: StatusChange) -> (kind: String, symbol: String, text: String) {
        switch change {
        case .new: ("nieuw", "✦", "Nieuw in deze rapportage")
        case .finished: ("afgerond", "✓", "Afgerond sinds de vorige rapportage")
        case .better(let from): ("beter", "▲", "Beter dan de vorige rapportage (was \(from.label))")
        case .worse(let from): ("slechter", "▼", "Slechter dan de vorige rapportage (was \(from.label))")
        case .delayed(let from, let to): ("later", "→", "Oplevering verschoven van \(from) naar \(to)")
        case .earlier(let from, let to): ("eerder", "←", "Oplevering vervroegd van \(from) naar \(to)")
        }
    }

    static let trendTitle = "Verloop per periode"
    static func trendIntro(_ periods: Int) -> String {
        "Het stoplicht van elk project in de laatste \(periods == 1 ? "periode" : "\(periods) perioden"), oudste links. Een project dat drie rapportages of langer oranje of rood staat, is gemarkeerd."
    }
    static func trendCaption(_ count: Int) -> String { "\(projectsCount(count)) — stoplicht per periode" }
    static func trendConcern(_ numbers: [Int]) -> String {
        "Drie rapportages of langer oranje of rood: \(numbers.count == 1 ? "project" : "projecten") \(numbers.map(String.init).joined(separator: ", "))."
    }
    static func trendRowConcern(_ count: Int) -> String { "\(count) rapportages op rij oranje of rood" }

    static func periodIsPublished(_ name: String) -> String {
        "De periode \(name) is gepubliceerd en daarmee bevroren: er kan niets meer in worden gewijzigd. Importeer in een nieuwe periode."
    }
    static let reportedPreviousLight = "Vorige periode (volgens deze rapportage)"
    static let reportedExpectedLight = "Verwacht voor de komende periode"

    static let programme = "Programma"
    static func reportTitle(_ programme: String) -> String { "Voortgangsrapportage programma \(programme)" }
    static let annex = "Bijlage"
    static func programmeTitle(_ name: String) -> String { "Programma \(name)" }
    static func projectKicker(_ number: Int, programme: String) -> String {
        "Project \(number) — programma \(programme)"
    }
    static func reportKicker(_ organisation: String, programme: String) -> String {
        "\(organisation) — programma \(programme)"
    }
    static func decisionState(_ outcome: String, requestedFrom: String?) -> String {
        "Besluit: \(outcome)\(requestedFrom.map { " — gevraagd aan \($0)" } ?? "")"
    }
    static func projectsCount(_ n: Int) -> String { n == 1 ? "1 project" : "\(n) projecten" }

    static let programmeOverviewTab = "Overzicht"
    static let programmePages = "Pagina's van het programma"
    /// Dates and times as Dutch readers expect them: Dutch month names, Dutch time.
    static func dutchFormatter(_ dateFormat: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = dateFormat
        return formatter
    }
    static let draftMark = "CONCEPT"
    static func draftExplanation(_ state: String) -> String {
        "deze rapportage is nog niet gepubliceerd (de periode is \(state)) en kan nog veranderen."
    }
    /// "a, b en c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " en " + items[items.count - 1]
    }

    // Errors
    static let errorTitle = "Er ging iets mis"
    static let notFoundTitle = "Pagina niet gevonden"
    static let notFound = "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar het overzicht."
    static let serverError =
        "Er ging op de server iets mis. Uw gegevens zijn niet gewijzigd. Probeer het opnieuw; blijft het misgaan, meld het dan aan de functioneel beheerder."
    static let backHome = "Naar het overzicht van programma's"
    static let allProjects = "Toon alle projecten"
    static func filteredBy(_ label: String) -> String { "alleen \(label)" }
    static func unknownLight(_ code: String, scale: LightScale) -> String {
        "Er is geen stoplicht ‘\(code)’ in dit programma; kies uit \((scale.lights.map(\.code) + ["geen"]).joined(separator: ", "))."
    }
    static func programmeNotFound(_ slug: String) -> String { "Er is geen programma ‘\(slug)’." }
    static func periodNotFound(_ slug: String) -> String { "Dit programma heeft geen rapportageperiode ‘\(slug)’." }
    static func projectNotFound(_ number: String) -> String {
        "Dit programma heeft geen project met nummer ‘\(number)’."
    }

    // Saving and conflicts
    static let save = "Opslaan"
    static let saveMine = "Mijn versie opslaan"
    static let cancel = "Annuleren"
    static let formRefused = "Het formulier is niet opgeslagen. Verbeter het volgende:"
    static let conflictTitle = "Iemand anders heeft dit intussen opgeslagen"
    static func conflictIntro(by: String?, at: Date?) -> String {
        let when = at.map { " op \(AuditLogView.time.string(from: $0))" } ?? ""
        return
            "Terwijl u dit formulier invulde, is het opgeslagen door \(by ?? "iemand anders")\(when). Uw wijzigingen zijn niet verloren: ze staan hieronder in het formulier. Vergelijk beide versies."
    }
    static let textsConflictIntro =
        "Terwijl u dit formulier invulde, zijn de teksten van deze periode door iemand anders opgeslagen. Uw wijzigingen zijn niet verloren: ze staan hieronder in het formulier. Vergelijk beide versies."
    static let conflictCaption = "Uw versie naast de opgeslagen versie"
    static let conflictChoice =
        "Neem over wat u van de opgeslagen versie wilt houden en kies ‘Mijn versie opslaan’, of annuleer om de opgeslagen versie te houden."
    static let field = "Veld"
    static let yourVersion = "Uw versie"
    static let savedVersion = "Opgeslagen versie"
    static let differs = "verschilt"
    static let removed = "(verwijderd)"
    static func textTooLong(_ label: String, _ maximum: Int) -> String {
        "\(label) is te lang: hoogstens \(maximum) tekens."
    }
    static let markdownHint =
        "Opmaak met Markdown: een lege regel begint een nieuwe alinea, een regel die met ‘- ’ begint is een opsomming."

}
