import Foundation
import StoplichtCore

/// The texts of the reporting cycle: updating a status, the programme manager's desk,
/// texts and projects, accounts and roles, the audit trail.
extension Strings {
    // Saving and conflicts
    static let save = "Opslaan"
    static let saveMine = "Mijn versie opslaan"
    static let cancel = "Annuleren"
    static let formRefused = "Het formulier is niet opgeslagen. Verbeter het volgende:"
    static let conflictTitle = "Iemand anders heeft dit intussen opgeslagen"
    static func conflictIntro(by: String?, at: Date?) -> String {
        let when = at.map { " op \(AuditLogView.time.string(from: $0))" } ?? ""
        return "Terwijl u dit formulier invulde, is het opgeslagen door \(by ?? "iemand anders")\(when). Uw wijzigingen zijn niet verloren: ze staan hieronder in het formulier. Vergelijk beide versies."
    }
    static let textsConflictIntro = "Terwijl u dit formulier invulde, zijn de teksten van deze periode door iemand anders opgeslagen. Uw wijzigingen zijn niet verloren: ze staan hieronder in het formulier. Vergelijk beide versies."
    static let conflictCaption = "Uw versie naast de opgeslagen versie"
    static let conflictChoice = "Neem over wat u van de opgeslagen versie wilt houden en kies ‘Mijn versie opslaan’, of annuleer om de opgeslagen versie te houden."
    static let field = "Veld"
    static let yourVersion = "Uw versie"
    static let savedVersion = "Opgeslagen versie"
    static let differs = "verschilt"
    static let removed = "(verwijderd)"
    static func textTooLong(_ label: String, _ maximum: Int) -> String { "\(label) is te lang: hoogstens \(maximum) tekens." }
    static let markdownHint = "Opmaak met Markdown: een lege regel begint een nieuwe alinea, een regel die met ‘- ’ begint is een opsomming."

    // Updating a status
    static let update = "Bijwerken"
    static let updateStatus = "Status bijwerken"
    static func updateTitle(_ number: Int, _ name: String) -> String { "Status bijwerken: \(number). \(name)" }
    static let overallLight = "Stoplicht van het project"
    static let overallLightHint = "Het totaaloordeel over het project in deze periode."
    static func dimensionLightHint(_ dimension: String) -> String { "Het stoplicht voor \(dimension.lowercased()); leeg als u het niet apart beoordeelt." }
    static let lifecycleHint = "Waar het project staat: niet gestart, lopend, uitgesteld, opgeleverd of gestopt."
    static let explanation = "Toelichting bij oranje of rood"
    static let explanationHint = "Verplicht als een stoplicht oranje of rood is: de raad wil weten wat er aan de hand is, wat het betekent en wat eraan gedaan wordt."
    static let cause = "Oorzaak"
    static let causeHint = "Wat veroorzaakt de afwijking?"
    static let consequence = "Gevolg voor het programmadoel"
    static let consequenceHint = "Wat betekent de afwijking voor het doel van het programma?"
    static let measure = "Maatregel"
    static let measureHint = "Wat wordt er gedaan om bij te sturen, door wie?"
    static func explanationRequired(_ part: LightExplanation.Part, light: String) -> String {
        let what: String
        switch part {
        case .cause: what = "de oorzaak"
        case .consequence: what = "het gevolg voor het programmadoel"
        case .measure: what = "de maatregel"
        }
        return "Bij het stoplicht \(light) hoort een toelichting: vul \(what) in."
    }
    static let progress = "Voortgang"
    static let achieved = "Bereikt in deze periode"
    static let achievedHint = "Wat is er deze periode opgeleverd of besloten?"
    static let plannedNext = "Gepland voor de volgende periode"
    static let plannedNextHint = "Wat wordt er de komende periode gedaan?"
    static let planning = "Planning"
    static let planDateHint = "Zo precies als bekend: ‘15 november 2018’, ‘november 2018’, ‘Q4 2018’, ‘2e helft 2018’ of ‘2019’."
    static func notAPlanDate(_ label: String, _ value: String) -> String {
        "\(label): ‘\(value)’ is geen datum. Schrijf bijvoorbeeld ‘november 2018’, ‘Q4 2018’ of ‘2e helft 2018’."
    }
    static func explanationReconfirm(from old: String, to new: String, period: String) -> String {
        "Het stoplicht is slechter dan in \(period) (\(old) → \(new)), maar de oorzaak, het gevolg en de maatregel zijn die van toen. Pas de toelichting aan, of vink ‘De toelichting klopt nog’ aan."
    }
    static let explanationStillHolds = "De toelichting klopt nog bij het nieuwe stoplicht"
    static func previousPeriod(_ name: String) -> String { "Vorige periode (\(name))" }
    static func previousRemarks(_ name: String) -> String { "Opmerkingen van de vorige periode (\(name))" }
    static let previousNoRemarks = "Geen opmerkingen."
    static let statusSaved = "De status is opgeslagen."
    static let textsSaved = "De teksten, besluiten en risico's zijn opgeslagen."
    static let editSection = "Tekst bewerken"
    static let statusGone = "Deze status bestaat niet meer in deze periode. Laad de pagina opnieuw; wat u typte staat nog in het formulier als u teruggaat."
    static let databaseBusy = "Niet opgeslagen: de database was even bezet met een andere wijziging. Uw invoer staat hieronder nog; kies nogmaals ‘Opslaan’."
    static let databaseBusyPage = "De database is op dit moment te druk bezet. Er is niets gewijzigd; probeer het over enkele seconden opnieuw."
    static let ownProjects = "Uw projecten"
    static let carriedForwardNote = "Overgenomen uit de vorige periode; nog niet bijgewerkt."
    static let carriedForwardTag = "Overgenomen, nog niet bijgewerkt"
    static func updatedOn(_ date: String, by name: String?) -> String {
        name.map { "Bijgewerkt op \(date) door \($0)." } ?? "Bijgewerkt op \(date)."
    }
    static func periodInReviewForLeaders(_ name: String) -> String {
        "De periode \(name) staat ter controle: alleen de programmamanager wijzigt nu nog. Neem contact op met de programmamanager als er iets moet veranderen."
    }

    // The programme manager's desk
    static let deskTitle = "Periode beheren"
    static func deskNotice(_ key: String) -> String? {
        switch key {
        case "geopend": "De nieuwe periode is geopend; de stoplichten, opmerkingen en planning van de vorige periode zijn overgenomen."
        case "review": "De periode staat ter controle: alleen de programmamanager wijzigt nu nog."
        case "open": "De periode is weer open."
        case "publiceren": "De rapportage is gepubliceerd; de periode is bevroren."
        case "toegang": "De toegang tot het programma is opgeslagen."
        case "account": "Het account is aangemaakt."
        case "rol": "De rol is opgeslagen."
        default: nil
        }
    }
    static let notYetUpdated = "Nog niet bijgewerkt"
    static let everyoneUpdated = "Alle projecten zijn bijgewerkt."
    static let editTexts = "Teksten, besluiten en risico's van deze periode bewerken"
    static let toReview = "Ter controle voorleggen"
    static let reopen = "Weer openzetten"
    static let publish = "Publiceren"
    static let publishHint = "Na publiceren ligt de rapportage vast: er kan niets meer in worden gewijzigd. U ziet eerst wat er wordt vastgelegd."
    static let publishStart = "Publiceren …"
    static func publishConfirmTitle(_ period: String) -> String { "Rapportage \(period) publiceren" }
    static let publishFreezes = "Publiceren legt de rapportage vast zoals zij nu is: de pagina en de documenten worden bewaard als archiefversie voor college en raad, en de periode is daarna bevroren. Dat is niet terug te draaien. Lees de rapportage nog eens na voordat u publiceert."
    static let publishReadReport = "De rapportage lezen zoals zij wordt gepubliceerd"
    static let publishPDFPreview = "De PDF bekijken (concept)"
    static let publishCheckTitle = "Wat er nog openstaat"
    static let publishReviewed = "De periode is ter controle voorgelegd."
    static let publishNotReviewed = "De periode is niet ter controle voorgelegd: niemand heeft de rapportage gecontroleerd voordat zij wordt vastgelegd."
    static func publishNotUpdated(_ count: Int) -> String {
        count == 1 ? "1 project is deze periode niet bijgewerkt; daarvan wordt de stand van de vorige periode gepubliceerd."
            : "\(count) projecten zijn deze periode niet bijgewerkt; daarvan wordt de stand van de vorige periode gepubliceerd."
    }
    static let publishShowProjects = "Welke projecten"
    static let publishAllExplained = "Elk oranje of rood stoplicht heeft een toelichting (oorzaak, gevolg en maatregel)."
    static func publishUnexplained(_ count: Int) -> String {
        count == 1 ? "1 project heeft een oranje of rood stoplicht zonder volledige toelichting (oorzaak, gevolg en maatregel):"
            : "\(count) projecten hebben een oranje of rood stoplicht zonder volledige toelichting (oorzaak, gevolg en maatregel):"
    }
    static let publishSkipReview = "Ik publiceer zonder controle"
    static let publishSkipReviewRequired = "De periode is niet ter controle voorgelegd. Zet haar eerst ter controle, of vink ‘Ik publiceer zonder controle’ aan."
    static let publishFinal = "Definitief publiceren"
    static let apiPublishFromOpen = "De periode is nog open. Zet haar eerst ter controle (state ‘in-review’) en publiceer daarna; publiceren is niet terug te draaien."
    static func periodMovedMeanwhile(_ name: String) -> String {
        "De periode \(name) is intussen door iemand anders verplaatst; er is niets gepubliceerd. Bekijk de stand en publiceer zo nodig opnieuw."
    }
    static let publishCancel = "Nog niet publiceren"
    static let openPeriod = "Nieuwe periode openen"
    static let periodName = "Naam van de periode"
    static let periodNameHint = "Bijvoorbeeld ‘november 2018 t/m februari 2019’. De stoplichten, opmerkingen en planning van de vorige periode worden overgenomen."
    static let periodNameRequired = "Geef de naam van de nieuwe periode op."
    static func periodExists(_ name: String) -> String { "Er is al een periode ‘\(name)’ in dit programma." }
    static func periodStillOpen(_ name: String) -> String {
        "De periode \(name) is nog niet gepubliceerd. Publiceer haar eerst; daarna opent u de volgende."
    }
    static func periodNotAfter(_ name: String, _ previous: String) -> String {
        "De periode ‘\(name)’ begint niet na de vorige periode (\(previous)). Controleer de maanden en het jaar."
    }
    static func unknownPeriodMove(_ value: String) -> String { "Onbekende stap ‘\(value)’; kies review, open of publiceren." }
    static let accessTitle = "Toegang"
    static let accessLabel = "Wie mag dit programma lezen?"
    static let accessHint = "Besloten: alleen wie een rol heeft. Rapportages openbaar: ook iedereen de gepubliceerde rapportages, zonder inloggen. Openbaar: iedereen alles."
    static let accessClosed = "Besloten"
    static let accessPublishedReports = "Gepubliceerde rapportages openbaar"
    static let accessOpen = "Openbaar"
    static func unknownAccess(_ value: String) -> String { "Onbekende toegang ‘\(value)’; kies besloten, rapportages-openbaar of openbaar." }
    static let latestPublished = "Laatste rapportage"
    static let loginInvitation = "Inloggen om bij te werken of te beheren"
    static let nothingPublishedYet = "Van dit programma is nog geen rapportage gepubliceerd. Wie een rol in het programma heeft, logt in om de rapportage in wording te lezen."
    static let nothingPublishedForYou = "Van dit programma is nog geen rapportage gepubliceerd; de rapportage in wording lezen alleen wie er een rol in hebben."
    static func ownProjectsDue(_ due: Int, of count: Int) -> String {
        switch due {
        case 0: count == 1 ? "Uw project is bijgewerkt of hoeft nu niet te worden bijgewerkt." : "Uw projecten zijn bijgewerkt of hoeven nu niet te worden bijgewerkt."
        case 1: "1 van uw \(count) projecten moet deze periode nog worden bijgewerkt."
        default: "\(due) van uw \(count) projecten moeten deze periode nog worden bijgewerkt."
        }
    }
    private static let shortDate = dutchFormatter("d MMMM yyyy")
    /// "7 december 2026".
    static func date(_ date: Date) -> String { shortDate.string(from: date) }
    static func ownProjectState(_ state: OwnProject.State, period: String?) -> String {
        switch state {
        case .toUpdate: "Nog bij te werken voor \(period ?? "deze periode"): de stand is overgenomen uit de vorige periode."
        case .updated(let at?): "Bijgewerkt op \(date(at)) voor \(period ?? "deze periode")."
        case .updated(nil): "Bijgewerkt voor \(period ?? "deze periode")."
        case .closed(let periodState): "De periode \(period ?? "") is \(periodState.label.lowercased()); alleen de programmamanager wijzigt nog."
        case .noStatus: period == nil ? "Het programma heeft nog geen rapportageperiode." : "Nog geen status in \(period ?? "")."
        }
    }

    // Texts of a period
    static let textsTitle = "Teksten, besluiten en risico's"
    static let sectionTitle = "Titel"
    static let sectionTitleHint = "De kop van de paragraaf in de rapportage."
    static let sectionBody = "Tekst"
    static let sectionTitleRequired = "Een paragraaf heeft een titel."
    static let decisions = "Gevraagde besluiten"
    static let decision = "Besluit"
    static let newDecision = "Nieuw besluit (leeg laten als er geen bij komt)"
    static let decisionText = "Wat wordt er gevraagd?"
    static let requestedFrom = "Gevraagd aan"
    static let requestedFromHint = "Bijvoorbeeld ‘college’ of ‘raad’."
    static let decisionOutcome = "Besluit"
    static let decisionOutcomeHint = "Gevraagd, akkoord, afgewezen of aangehouden."
    static let removeDecision = "Dit besluit verwijderen"
    static func decisionTextRequired(_ n: Int) -> String { "Besluit \(n) heeft geen tekst; vul hem in of vink ‘verwijderen’ aan." }
    static let risks = "Risico's en aandachtspunten"
    static let risk = "Risico"
    static let riskImpact = "Gevolg"
    static let newRisk = "Nieuw risico (leeg laten als er geen bij komt)"
    static let riskText = "Omschrijving"
    static let riskCauseHint = "Waar komt het risico vandaan?"
    static let riskImpactHint = "Wat gebeurt er als het zich voordoet?"
    static let riskMeasureHint = "Wat wordt er gedaan om het te voorkomen of te beperken?"
    static let removeRisk = "Dit risico verwijderen"
    static func riskTextRequired(_ n: Int) -> String { "Risico \(n) heeft geen omschrijving; vul haar in of vink ‘verwijderen’ aan." }

    // Projects
    static let addProject = "Project toevoegen"
    static let editProject = "Project wijzigen"
    static func editProjectTitle(_ number: Int, _ name: String) -> String { "Project wijzigen: \(number). \(name)" }
    static let projectNumber = "Nummer"
    static let projectNumberHint = "Het nummer van het project in de rapportage; uniek binnen het programma."
    static let projectName = "Naam"
    static let projectNameHint = "De naam zoals de rapportage hem noemt."
    static let projectNameRequired = "Geef de naam van het project op."
    static func projectNumberInvalid(_ value: String) -> String { "‘\(value)’ is geen projectnummer; geef een heel getal groter dan 0." }
    static func projectNumberTaken(_ n: Int) -> String { "Er is al een project met nummer \(n) in dit programma." }
    static let leadersHint = "Eén naam per regel; iemand die Stoplicht nog niet kent, wordt toegevoegd."
    static let phaseHint = "Optioneel: de fase van het project."
    static func unknownPhase(_ value: String) -> String { "Onbekende fase ‘\(value)’; kies \(Phase.allCases.map(\.rawValue).joined(separator: ", "))." }
    static let itemsHint = "Eén onderdeel per regel, zoals ze onder de projectnaam staan."
    static let archiveTitle = "Archiveren"
    static let archiveHint = "Een gearchiveerd project blijft met zijn geschiedenis bewaard, maar gaat niet mee naar een nieuwe periode."
    static let archivedTitle = "Gearchiveerd"
    static let archivedHint = "Dit project is gearchiveerd en gaat niet mee naar een nieuwe periode."
    static let archive = "Project archiveren"
    static let unarchive = "Terughalen uit het archief"

    // Accounts and roles
    static let usersTitle = "Gebruikers en rollen"
    static func usersCaption(_ n: Int) -> String { n == 1 ? "1 gebruiker" : "\(n) gebruikers" }
    static let userName = "Naam"
    static let userNameHint = "Zoals collega's de gebruiker kennen."
    static let emailHint = "Het e-mailadres waarmee de gebruiker inlogt."
    static let newPasswordHint = "Ten minste 12 tekens. Geef het de gebruiker persoonlijk door."
    static let personLabel = "Persoon in de programma's"
    static let personHint = "Optioneel: de naam zoals de rapportage de projectleider noemt, zodat deze zijn of haar eigen projecten kan bijwerken."
    static let personOrganisationLabel = "Gemeente van de persoon"
    static let personOrganisationHint = "Alleen nodig als dezelfde naam in meer dan één gemeente voorkomt."
    static func personNotFoundIn(_ name: String, organisation: String) -> String {
        "Er is geen persoon ‘\(name)’ in een programma van ‘\(organisation)’. Controleer de schrijfwijze of laat het veld leeg."
    }
    static func personInSeveralMunicipalities(_ name: String, _ municipalities: [String]) -> String {
        "‘\(name)’ staat in de programma's van meer dan één gemeente (\(municipalities.joined(separator: ", "))). Geef ook de gemeente van de persoon op."
    }
    static func personOfAnotherMunicipality(_ name: String) -> String {
        "Dit account is gekoppeld aan ‘\(name)’ van een andere gemeente; het wordt geen projectleider in een programma van deze gemeente. Er is niets gewijzigd."
    }
    static func personNotFound(_ name: String) -> String { "Er is geen persoon ‘\(name)’ in een programma. Controleer de schrijfwijze of laat het veld leeg." }
    static let administratorLabel = "Beheerder (mag alles, in elk programma)"
    static let addUser = "Gebruiker toevoegen"
    static let rolesLabel = "Rollen"
    static let noRoles = "Geen rol"
    static let roleTitle = "Rol in een programma"
    static let roleLabel = "Rol"
    static let roleHint = "Programmamanager: alles in het programma. Projectleider: de eigen projecten bijwerken. Lezer: alleen lezen. ‘Geen’ neemt de rol weg."
    static let noRole = "Geen (rol intrekken)"
    static let saveRole = "Rol opslaan"
    static let chooseUser = "Kies de gebruiker."
    static let chooseProgramme = "Kies het programma."
    static let chooseRole = "Kies een rol: programmamanager, projectleider, lezer of geen."
    static let administratorIsNoProgrammeRole = "Beheerder is geen rol in een programma maar een eigenschap van het account."

    // Documents
    static let pdfRendererMissing = "Voor een PDF is WeasyPrint nodig, en dat is op deze server niet geïnstalleerd. Installeer het met ‘apt-get install weasyprint’ (of ‘pip install weasyprint’) en probeer het opnieuw; de andere formaten werken zonder."
    static func pdfTookTooLong(seconds: Int) -> String {
        "De PDF was na \(seconds) seconden nog niet klaar en is gestopt. Probeer het later opnieuw, of kies een ander formaat (Word of ODT werken zonder WeasyPrint)."
    }
    static let pdfFailed = "De PDF kon niet worden gemaakt. Probeer het later opnieuw, of kies een ander formaat (Word of ODT werken zonder WeasyPrint); de beheerder vindt de oorzaak in het logboek van de server."
    static let publishedDocumentFailedRecently = "Dit document kon kort geleden niet worden gemaakt; het wordt over enkele minuten opnieuw geprobeerd. Kies zolang een ander formaat (Word of ODT werken zonder WeasyPrint)."
    static let pdfBusy = "Er worden nu te veel PDF's tegelijk gemaakt. Probeer het over enkele seconden opnieuw, of kies een ander formaat (Word of ODT werken zonder WeasyPrint)."
    static let downloads = "Downloaden"
    static func unknownFormat(_ value: String) -> String {
        "Onbekend formaat ‘\(value)’; kies pdf, odt, docx, html, xlsx of csv."
    }

    // The audit trail
    static let auditTitle = "Wijzigingen"
    static func auditProjectTitle(_ number: Int, _ name: String) -> String { "Wijzigingen in project \(number). \(name)" }
    static func auditPeriodTitle(_ name: String) -> String { "Wijzigingen in de periode \(name)" }
    static let auditIntro = "Elke wijziging met wie, wanneer, vanaf welk adres, en de waarden ervoor en erna; de nieuwste bovenaan. Het logboek kan niet worden gewijzigd; ‘stoplicht audit verify’ controleert dat."
    static let auditEmpty = "Er zijn nog geen wijzigingen vastgelegd."
    static func auditCaption(_ n: Int) -> String { n == 1 ? "1 wijziging" : "\(n) wijzigingen" }
    static let auditWhen = "Wanneer"
    static let auditWho = "Wie"
    static let auditWhat = "Wat"
    static let auditBefore = "Ervoor"
    static let auditAfter = "Erna"
}
