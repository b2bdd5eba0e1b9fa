import Foundation
import StoplichtCore

/// Updating a status: the project leader's form and its checks.
extension Strings {
    static let update = "Bijwerken"
    static let updateStatus = "Status bijwerken"
    static func updateTitle(_ number: Int, _ name: String) -> String { "Status bijwerken: \(number). \(name)" }
    static let overallLight = "Stoplicht van het project"
    static let overallLightHint = "Het totaaloordeel over het project in deze periode."
    static func dimensionLightHint(_ dimension: String) -> String {
        "Het stoplicht voor \(dimension.lowercased()); leeg als u het niet apart beoordeelt."
    }
    static let lifecycleHint = "Waar het project staat: niet gestart, lopend, uitgesteld, opgeleverd of gestopt."
    static let explanation = "Toelichting bij oranje of rood"
    static let explanationHint =
        "Verplicht als een stoplicht oranje of rood is: de raad wil weten wat er aan de hand is, wat het betekent en wat eraan gedaan wordt."
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
    static let planDateHint =
        "Zo precies als bekend: ‘15 november 2018’, ‘november 2018’, ‘Q4 2018’, ‘2e helft 2018’ of ‘2019’."
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
    static let statusGone =
        "Deze status bestaat niet meer in deze periode. Laad de pagina opnieuw; wat u typte staat nog in het formulier als u teruggaat."
    static let databaseBusy =
        "Niet opgeslagen: de database was even bezet met een andere wijziging. Uw invoer staat hieronder nog; kies nogmaals ‘Opslaan’."
    static let databaseBusyPage =
        "De database is op dit moment te druk bezet. Er is niets gewijzigd; probeer het over enkele seconden opnieuw."
    static let ownProjects = "Uw projecten"
    static let carriedForwardNote = "Overgenomen uit de vorige periode; nog niet bijgewerkt."
    static let carriedForwardTag = "Overgenomen, nog niet bijgewerkt"
    static func updatedOn(_ date: String, by name: String?) -> String {
        name.map { "Bijgewerkt op \(date) door \($0)." } ?? "Bijgewerkt op \(date)."
    }
    static func periodInReviewForLeaders(_ name: String) -> String {
        "De periode \(name) staat ter controle: alleen de programmamanager wijzigt nu nog. Neem contact op met de programmamanager als er iets moet veranderen."
    }
}
