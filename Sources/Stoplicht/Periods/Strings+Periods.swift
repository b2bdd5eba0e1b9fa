import Foundation
import StoplichtCore

/// The programme manager's desk and a period's texts.
extension Strings {
    // The programme manager's desk
    static let deskTitle = "Periode beheren"
    static func deskNotice(_ key: String) -> String? {
        switch key {
        case "geopend":
            "De nieuwe periode is geopend; de stoplichten, opmerkingen en planning van de vorige periode zijn overgenomen."
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
    static let publishHint =
        "Na publiceren ligt de rapportage vast: er kan niets meer in worden gewijzigd. U ziet eerst wat er wordt vastgelegd."
    static let publishStart = "Publiceren …"
    static func publishConfirmTitle(_ period: String) -> String { "Rapportage \(period) publiceren" }
    static let publishFreezes =
        "Publiceren legt de rapportage vast zoals zij nu is: de pagina en de documenten worden bewaard als archiefversie voor college en raad, en de periode is daarna bevroren. Dat is niet terug te draaien. Lees de rapportage nog eens na voordat u publiceert."
    static let publishReadReport = "De rapportage lezen zoals zij wordt gepubliceerd"
    static let publishPDFPreview = "De PDF bekijken (concept)"
    static let publishCheckTitle = "Wat er nog openstaat"
    static let publishReviewed = "De periode is ter controle voorgelegd."
    static let publishNotReviewed =
        "De periode is niet ter controle voorgelegd: niemand heeft de rapportage gecontroleerd voordat zij wordt vastgelegd."
    static func publishNotUpdated(_ count: Int) -> String {
        count == 1
            ? "1 project is deze periode niet bijgewerkt; daarvan wordt de stand van de vorige periode gepubliceerd."
            : "\(count) projecten zijn deze periode niet bijgewerkt; daarvan wordt de stand van de vorige periode gepubliceerd."
    }
    static let publishShowProjects = "Welke projecten"
    static let publishAllExplained =
        "Elk oranje of rood stoplicht heeft een toelichting (oorzaak, gevolg en maatregel)."
    static func publishUnexplained(_ count: Int) -> String {
        count == 1
            ? "1 project heeft een oranje of rood stoplicht zonder volledige toelichting (oorzaak, gevolg en maatregel):"
            : "\(count) projecten hebben een oranje of rood stoplicht zonder volledige toelichting (oorzaak, gevolg en maatregel):"
    }
    static let publishSkipReview = "Ik publiceer zonder controle"
    static let publishSkipReviewRequired =
        "De periode is niet ter controle voorgelegd. Zet haar eerst ter controle, of vink ‘Ik publiceer zonder controle’ aan."
    static let publishFinal = "Definitief publiceren"
    static let apiPublishFromOpen =
        "De periode is nog open. Zet haar eerst ter controle (state ‘in-review’) en publiceer daarna; publiceren is niet terug te draaien."
    static func periodMovedMeanwhile(_ name: String) -> String {
        "De periode \(name) is intussen door iemand anders verplaatst; er is niets gepubliceerd. Bekijk de stand en publiceer zo nodig opnieuw."
    }
    static let publishCancel = "Nog niet publiceren"
    static let openPeriod = "Nieuwe periode openen"
    static let periodName = "Naam van de periode"
    static let periodNameHint =
        "Bijvoorbeeld ‘november 2018 t/m februari 2019’. De stoplichten, opmerkingen en planning van de vorige periode worden overgenomen."
    static let periodNameRequired = "Geef de naam van de nieuwe periode op."
    static func periodExists(_ name: String) -> String { "Er is al een periode ‘\(name)’ in dit programma." }
    static func periodStillOpen(_ name: String) -> String {
        "De periode \(name) is nog niet gepubliceerd. Publiceer haar eerst; daarna opent u de volgende."
    }
    static func periodNotAfter(_ name: String, _ previous: String) -> String {
        "De periode ‘\(name)’ begint niet na de vorige periode (\(previous)). Controleer de maanden en het jaar."
    }
    static func unknownPeriodMove(_ value: String) -> String {
        "Onbekende stap ‘\(value)’; kies review, open of publiceren."
    }
    static let accessTitle = "Toegang"
    static let accessLabel = "Wie mag dit programma lezen?"
    static let accessHint =
        "Besloten: alleen wie een rol heeft. Rapportages openbaar: ook iedereen de gepubliceerde rapportages, zonder inloggen. Openbaar: iedereen alles."
    static let accessClosed = "Besloten"
    static let accessPublishedReports = "Gepubliceerde rapportages openbaar"
    static let accessOpen = "Openbaar"
    static func unknownAccess(_ value: String) -> String {
        "Onbekende toegang ‘\(value)’; kies besloten, rapportages-openbaar of openbaar."
    }
    static let latestPublished = "Laatste rapportage"
    static let loginInvitation = "Inloggen om bij te werken of te beheren"
    static let nothingPublishedYet =
        "Van dit programma is nog geen rapportage gepubliceerd. Wie een rol in het programma heeft, logt in om de rapportage in wording te lezen."
    static let nothingPublishedForYou =
        "Van dit programma is nog geen rapportage gepubliceerd; de rapportage in wording lezen alleen wie er een rol in hebben."
    static func ownProjectsDue(_ due: Int, of count: Int) -> String {
        switch due {
        case 0:
            count == 1
                ? "Uw project is bijgewerkt of hoeft nu niet te worden bijgewerkt."
                : "Uw projecten zijn bijgewerkt of hoeven nu niet te worden bijgewerkt."
        case 1: "1 van uw \(count) projecten moet deze periode nog worden bijgewerkt."
        default: "\(due) van uw \(count) projecten moeten deze periode nog worden bijgewerkt."
        }
    }
    private static let shortDate = dutchFormatter("d MMMM yyyy")
    /// "7 december 2026".
    static func date(_ date: Date) -> String { shortDate.string(from: date) }
    static func ownProjectState(_ state: OwnProject.State, period: String?) -> String {
        switch state {
        case .toUpdate:
            "Nog bij te werken voor \(period ?? "deze periode"): de stand is overgenomen uit de vorige periode."
        case .updated(let at?): "Bijgewerkt op \(date(at)) voor \(period ?? "deze periode")."
        case .updated(nil): "Bijgewerkt voor \(period ?? "deze periode")."
        case .closed(let periodState):
            "De periode \(period ?? "") is \(periodState.label.lowercased()); alleen de programmamanager wijzigt nog."
        case .noStatus:
            period == nil ? "Het programma heeft nog geen rapportageperiode." : "Nog geen status in \(period ?? "")."
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
    static func decisionTextRequired(_ n: Int) -> String {
        "Besluit \(n) heeft geen tekst; vul hem in of vink ‘verwijderen’ aan."
    }
    static let risks = "Risico's en aandachtspunten"
    static let risk = "Risico"
    static let riskImpact = "Gevolg"
    static let newRisk = "Nieuw risico (leeg laten als er geen bij komt)"
    static let riskText = "Omschrijving"
    static let riskCauseHint = "Waar komt het risico vandaan?"
    static let riskImpactHint = "Wat gebeurt er als het zich voordoet?"
    static let riskMeasureHint = "Wat wordt er gedaan om het te voorkomen of te beperken?"
    static let removeRisk = "Dit risico verwijderen"
    static func riskTextRequired(_ n: Int) -> String {
        "Risico \(n) heeft geen omschrijving; vul haar in of vink ‘verwijderen’ aan."
    }

}
