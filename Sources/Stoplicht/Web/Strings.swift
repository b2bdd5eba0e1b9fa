import Foundation
import StoplichtCore

/// Every text the user reads, in Dutch, in one place so another language can follow
/// without touching the views.
enum Strings {
    static let appName = "Stoplicht"
    static let skipToContent = "Naar de inhoud"
    static let breadcrumbs = "Kruimelpad"
    static let footer = "Stoplicht — voortgangsrapportage voor gemeentelijke programma's"
    static let programmes = "Programma's"
    static let noProgrammes = "Er zijn nog geen programma's. Importeer een rapportage met `stoplicht import BESTAND` of start de demo met `swift run stoplicht demo`."
    static func noProgrammesFound(_ search: String) -> String { "Geen programma's gevonden voor ‘\(search)’. Zoek op een deel van de naam van het programma of van de gemeente." }
    static let programmeSearchLabel = "Programma zoeken"
    static let programmeSearchHint = "Op de naam van het programma of van de organisatie, hoofdletters en accenten maken niet uit."
    static let programmeSearchButton = "Zoeken"
    static func programmeCount(_ count: Int) -> String { count == 1 ? "1 programma" : "\(dutchCount(count)) programma's" }
    static func programmesFound(_ count: Int, of all: Int) -> String { "\(dutchCount(count)) van \(dutchCount(all)) programma's gevonden" }
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
    static func projectKicker(_ number: Int, programme: String) -> String { "Project \(number) — programma \(programme)" }
    static func reportKicker(_ organisation: String, programme: String) -> String { "\(organisation) — programma \(programme)" }
    static func decisionState(_ outcome: String, requestedFrom: String?) -> String {
        "Besluit: \(outcome)\(requestedFrom.map { " — gevraagd aan \($0)" } ?? "")"
    }
    static func projectsCount(_ n: Int) -> String { n == 1 ? "1 project" : "\(n) projecten" }

    // Import
    static let importTitle = "Rapportage importeren"
    static let importIntro = "Importeer de voortgangsrapportage die u vorige periode met de hand maakte: een Word-, OpenDocument-, Excel-, CSV-, HTML- of tekstbestand. U ziet eerst wat er nieuw wordt of verandert, met elke waarschuwing; er wordt pas iets opgeslagen als u bevestigt."
    static let importFile = "Bestand"
    static let importFileHint = "Word (.docx), OpenDocument (.odt, .ods), Excel (.xlsx), CSV, HTML, Markdown of tekst; hoogstens 64 MB."
    static let importProgramme = "Programma"
    static let importNewProgramme = "Een nieuw programma (de naam uit het bestand)"
    static let importOrganisation = "Gemeente"
    static let importOrganisationHint = "Alleen nodig voor een nieuw programma van een gemeente die Stoplicht nog niet kent."
    static let importPeriod = "Rapportageperiode"
    static let importPeriodHint = "Bijvoorbeeld ‘juni t/m oktober 2018’. Leeg laten als het bestand de periode noemt."
    static let importMapping = "Indeling (optioneel)"
    static let importMappingHint = "Per regel ‘kolom Kolomkop = rol’ of ‘licht Woord = licht’, bijvoorbeeld ‘kolom Wie = projectleider’ of ‘licht Op stoom = groen’. Rollen: \(ColumnRole.mappingNames)."
    static let importSubmit = "Bestand controleren"
    static let importPreviewTitle = "Controleer de import"
    static let importConfirm = "Importeren"
    static let importCancel = "Annuleren"
    static let importApplyMapping = "Indeling toepassen en opnieuw controleren"
    static let importNothingSaved = "Er is nog niets opgeslagen."
    static let importWhat = "Wat er gebeurt"
    static let importPlace = "Plaats in het bestand"
    static let importWarnings = "Waarschuwingen"
    static let importNoWarnings = "Geen waarschuwingen."
    static let importSections = "Paragrafen"
    static let importFormat = "Formaat"
    static let importColumns = "Kolommen"
    static let importColumnsHint = "Geef per kolom aan wat erin staat; kolommen zonder keuze komen in de toelichting."
    static let importUnknownLights = "Onbekende stoplichten"
    static let importReadingTitle = "Hoe het bestand is gelezen"
    static let importNoTables = "Geen tabellen, projectpagina's of projectenlijsten gevonden."
    static let importNoHeader = "(geen kop)"
    static let importVocabularyUsed = "Eigen woorden van het bestand:"
    static let importLegendRead = "Legenda in het bestand:"
    static func importUnknownWordAt(_ word: String, column: String, projects: [Int]) -> String {
        let list = projects.prefix(20).map(String.init).joined(separator: ", ") + (projects.count > 20 ? " en \(projects.count - 20) andere" : "")
        return "‘\(word)’ (\(column)) is geen bekend stoplicht; bij project\(projects.count == 1 ? "" : "en") \(list)."
    }
    static let importUnknownLightsHint = "Deze woorden staan in de statuskolom maar zijn geen bekend stoplicht. Kies wat ze betekenen."
    static let importNoChoice = "— geen keuze —"
    static let importNotRated = "Niet beoordeeld"
    static let importNoFile = "Kies een bestand om te importeren."
    static let importNeedsOrganisation = "Vul de gemeente in: Stoplicht kent er nog geen of meer dan één."
    static let uploadSpoolGone = "Het geüploade bestand is op de server niet meer te vinden. Er is niets opgeslagen; upload het opnieuw."
    static let importProgrammeGone = "Het gekozen programma bestaat niet meer; er is niets geïmporteerd. Upload het bestand opnieuw en kies een programma."
    static let importNotFound = "Deze import bestaat niet (meer): hij is al uitgevoerd, geannuleerd of ouder dan een dag. Upload het bestand opnieuw."
    static let importCannotRead = "Het bestand kan (nog) niet worden ingelezen"
    static let importChooseOther = "Een ander bestand kiezen"
    static let importLink = "Rapportage importeren"
    static let importProjectsCaption = "Projecten in het bestand en wat de import ermee doet"
    static let importAdjust = "Indeling aanpassen"
    static let importColumnsNotRecognised = "De kolommen van de tabel zijn niet herkend: er is geen kolom met projectnamen gevonden. Kies hieronder per kolom wat erin staat."
    static func importUnknownWord(_ word: String) -> String { "‘\(word)’ (onbekend stoplicht)" }
    static func importCounts(created: Int, updated: Int, unchanged: Int) -> String {
        "\(projectsCount(created + updated + unchanged)): \(created) nieuw, \(updated) gewijzigd, \(unchanged) ongewijzigd."
    }
    /// A body over its route's limit of `bytes`: a file for an upload, else a form.
    static let nulInPath = "Het adres bevat een nulteken (%00); zo'n pagina bestaat hier niet. Controleer de link."
    static func nulInParameter(_ name: String) -> String {
        "De parameter ‘\(name)’ in het adres bevat een nulteken (%00); zo'n waarde bestaat hier niet. Controleer de link."
    }
    static func nulInField(_ field: String) -> String {
        "Het veld ‘\(field)’ bevat een nulteken (U+0000). Dat teken kan niet worden opgeslagen; er is niets opgeslagen. Haal het teken weg en verstuur het opnieuw."
    }
    static func payloadTooLarge(bytes: Int) -> String {
        bytes >= 1024 * 1024
            ? "Het bestand is te groot: hier kan hoogstens \(bytes / 1024 / 1024) MB worden verstuurd. Controleer of u het juiste bestand kiest; er is niets opgeslagen."
            : "Wat u verstuurde is groter dan dit formulier aanneemt (hoogstens \(bytes / 1024) kB); er is niets opgeslagen."
    }

    static let requestTooSlow = "De aanvraag kwam te langzaam binnen en is afgebroken; er is niets opgeslagen. Probeer het opnieuw, zo nodig via een snellere verbinding."
    static let uploadNotStored = "Het bestand kon op de server niet worden opgeslagen; er is niets opgeslagen. Probeer het later opnieuw."

    // Accounts
    static let loginTitle = "Inloggen"
    static let loginEmail = "E-mailadres"
    static let loginPassword = "Wachtwoord"
    static let loginSubmit = "Inloggen"
    static let logoutSubmit = "Uitloggen"
    static func loggedInAs(_ name: String) -> String { "Ingelogd als \(name)." }
    static let loginFailed = "Het e-mailadres of het wachtwoord klopt niet."
    static let loginThrottled = "Er is te vaak een verkeerd wachtwoord gegeven. Probeer het over een kwartier opnieuw."
    static let loginRequired = "Log in om deze pagina te gebruiken."
    static let forbidden = "U hebt geen toestemming voor deze handeling. Vraag de functioneel beheerder om de juiste rol."
    static let forbiddenTitle = "Geen toestemming"
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
    /// A refusal that says what was refused, who may do it, and what the person is.
    static func forbidden(_ action: ProgrammeAction, role: ProgrammeRole?) -> String {
        let may = ProgrammeRole.allCases.filter { Permissions.allows($0, action, leadsProject: true) }
            .map { $0 == .projectLeader && action == .editOwnProject ? "de projectleiders van dit project" : $0.plural }
        // The programme is not named: a refusal must not tell an outsider what it is called.
        let mine = role.map { "U bent \($0.rawValue) in dit programma." } ?? "U hebt geen rol in dit programma."
        return "U hebt geen toestemming voor deze handeling: \(actionLabel(action)) is voorbehouden aan \(list(may)). \(mine) "
            + "Vraag de functioneel beheerder om een andere rol als u dit wel moet kunnen."
    }
    static let forbiddenAdministrator = "U hebt geen toestemming voor deze handeling: alleen een beheerder (functioneel beheer) mag dit. Vraag de functioneel beheerder als het nodig is."
    static func actionLabel(_ action: ProgrammeAction) -> String {
        switch action {
        case .read: "dit programma lezen"
        case .editOwnProject: "dit project bijwerken"
        case .editAnyProject: "elk project bijwerken"
        case .editSections: "de teksten, besluiten en risico's van een periode bewerken"
        case .manageProjects: "projecten toevoegen, wijzigen of archiveren"
        case .movePeriod: "een periode openen of ter controle voorleggen"
        case .publishPeriod: "een rapportage publiceren"
        case .importReport: "een rapportage importeren"
        case .manageFinances: "de financiën beheren"
        case .manageRoles: "rollen en toegang regelen"
        }
    }
    /// "a, b en c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " en " + items[items.count - 1]
    }
    static let csrfFailed = "Dit formulier is verlopen of komt niet van deze site (ontbrekend of onjuist beveiligingskenmerk). Laad de pagina opnieuw en probeer het nog eens."

    // Errors
    static let errorTitle = "Er ging iets mis"
    static let notFoundTitle = "Pagina niet gevonden"
    static let notFound = "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar het overzicht."
    static let serverError = "Er ging op de server iets mis. Uw gegevens zijn niet gewijzigd. Probeer het opnieuw; blijft het misgaan, meld het dan aan de functioneel beheerder."
    static let backHome = "Naar het overzicht van programma's"
    static let allProjects = "Toon alle projecten"
    static func filteredBy(_ label: String) -> String { "alleen \(label)" }
    static func unknownLight(_ code: String, scale: LightScale) -> String {
        "Er is geen stoplicht ‘\(code)’ in dit programma; kies uit \((scale.lights.map(\.code) + ["geen"]).joined(separator: ", "))."
    }
    static func programmeNotFound(_ slug: String) -> String { "Er is geen programma ‘\(slug)’." }
    static func periodNotFound(_ slug: String) -> String { "Dit programma heeft geen rapportageperiode ‘\(slug)’." }
    static func projectNotFound(_ number: String) -> String { "Dit programma heeft geen project met nummer ‘\(number)’." }
}
