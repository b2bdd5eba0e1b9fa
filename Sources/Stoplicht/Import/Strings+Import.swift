import Foundation
import StoplichtCore

/// The import page's own words: what it overwrites, what is left out, and its advice in
/// the page's terms (the command line words the same advice as options).
extension Strings {
    static let importFormUnreadable =
        "Het formulier van de voorvertoning kon niet worden gelezen; er is niets geïmporteerd. Laad de voorvertoning opnieuw en bevestig nog eens."
    /// A warning as the import page shows it: its advice points to the page's choices.
    static func importWarningText(_ warning: ImportWarning) -> String {
        guard let advice = warning.advice else { return warning.message }
        switch advice {
        case .translateLight(let word):
            return "\(warning.message) Kies hieronder bij ‘\(importUnknownLights)’ welk stoplicht ‘\(word)’ is."
        case .addLightToScale:
            return
                "\(warning.message) Vraag de beheerder het licht aan de schaal van het programma toe te voegen, of kies hieronder een ander licht."
        }
    }

    static func importNeedsProgramme(commandLine: Bool) -> String {
        "Het programma is niet bekend: de rapportage noemt geen programma. "
            + (commandLine ? "Geef het op met --programme \"Naam\"." : "Kies het programma op de importpagina.")
    }

    static func importNeedsPeriod(commandLine: Bool) -> String {
        "De rapportageperiode is niet bekend: de rapportage noemt geen ‘Rapportageperiode:’. "
            + (commandLine
                ? "Geef haar op met --period \"juni t/m oktober 2018\"."
                : "Vul hieronder de rapportageperiode in, bijvoorbeeld ‘juni t/m oktober 2018’.")
    }

    static let importLeaveOut = "Niet overnemen"
    static func importOverwrites(name: String?, at time: String?) -> String {
        "Overschrijft de update van \(name ?? "een gebruiker")\(time.map { " van \($0)" } ?? "") in deze periode."
    }
    static func importOverwritesNotice(_ count: Int) -> String {
        count == 1
            ? "Eén project is in deze periode al bijgewerkt; de import zou die update overschrijven. Het staat op ‘\(importLeaveOut)’ en wordt dus niet overgenomen, tenzij u het vinkje weghaalt."
            : "\(count) projecten zijn in deze periode al bijgewerkt; de import zou die updates overschrijven. Ze staan op ‘\(importLeaveOut)’ en worden dus niet overgenomen, tenzij u het vinkje weghaalt."
    }
    static let importLeaveOutUnknown =
        "De import is niet uitgevoerd: een project dat u niet wilde overnemen staat niet (meer) in deze voorvertoning. Het bestand of de projecten zijn intussen veranderd. Bekijk de voorvertoning hieronder opnieuw en bevestig dan."
    static let importResultTitle = "Import uitgevoerd"
    static func importResultCounts(created: Int, updated: Int, leftOut: Int) -> String {
        "De rapportage is geïmporteerd: \(created) nieuw, \(updated) gewijzigd. \(leftOut == 1 ? "Eén project is niet overgenomen en houdt zijn huidige status." : "\(leftOut) projecten zijn niet overgenomen en houden hun huidige status.")"
    }
    static let importResultLeftOut = "Niet overgenomen"
    static func importResultToProgramme(_ name: String) -> String { "Naar \(name)" }

    static let importTitle = "Rapportage importeren"
    static let importIntro =
        "Importeer de voortgangsrapportage die u vorige periode met de hand maakte: een Word-, OpenDocument-, Excel-, CSV-, HTML- of tekstbestand. U ziet eerst wat er nieuw wordt of verandert, met elke waarschuwing; er wordt pas iets opgeslagen als u bevestigt."
    static let importFile = "Bestand"
    static let importFileHint =
        "Word (.docx), OpenDocument (.odt, .ods), Excel (.xlsx), CSV, HTML, Markdown of tekst; hoogstens 64 MB."
    static let importProgramme = "Programma"
    static let importNewProgramme = "Een nieuw programma (de naam uit het bestand)"
    static let importOrganisation = "Gemeente"
    static let importOrganisationHint =
        "Alleen nodig voor een nieuw programma van een gemeente die Stoplicht nog niet kent."
    static let importPeriod = "Rapportageperiode"
    static let importPeriodHint = "Bijvoorbeeld ‘juni t/m oktober 2018’. Leeg laten als het bestand de periode noemt."
    static let importMapping = "Indeling (optioneel)"
    static let importMappingHint =
        "Per regel ‘kolom Kolomkop = rol’ of ‘licht Woord = licht’, bijvoorbeeld ‘kolom Wie = projectleider’ of ‘licht Op stoom = groen’. Rollen: \(ColumnRole.mappingNames)."
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
        let list =
            projects.prefix(20).map(String.init).joined(separator: ", ")
            + (projects.count > 20 ? " en \(projects.count - 20) andere" : "")
        return "‘\(word)’ (\(column)) is geen bekend stoplicht; bij project\(projects.count == 1 ? "" : "en") \(list)."
    }
    static let importUnknownLightsHint =
        "Deze woorden staan in de statuskolom maar zijn geen bekend stoplicht. Kies wat ze betekenen."
    static let importNoChoice = "— geen keuze —"
    static let importNotRated = "Niet beoordeeld"
    static let importNoFile = "Kies een bestand om te importeren."
    static let importNeedsOrganisation = "Vul de gemeente in: Stoplicht kent er nog geen of meer dan één."
    static let uploadSpoolGone =
        "Het geüploade bestand is op de server niet meer te vinden. Er is niets opgeslagen; upload het opnieuw."
    static let importProgrammeGone =
        "Het gekozen programma bestaat niet meer; er is niets geïmporteerd. Upload het bestand opnieuw en kies een programma."
    static let importNotFound =
        "Deze import bestaat niet (meer): hij is al uitgevoerd, geannuleerd of ouder dan een dag. Upload het bestand opnieuw."
    static let importCannotRead = "Het bestand kan (nog) niet worden ingelezen"
    static let importChooseOther = "Een ander bestand kiezen"
    static let importLink = "Rapportage importeren"
    static let importProjectsCaption = "Projecten in het bestand en wat de import ermee doet"
    static let importAdjust = "Indeling aanpassen"
    static let importColumnsNotRecognised =
        "De kolommen van de tabel zijn niet herkend: er is geen kolom met projectnamen gevonden. Kies hieronder per kolom wat erin staat."
    static func importUnknownWord(_ word: String) -> String { "‘\(word)’ (onbekend stoplicht)" }
    static func importCounts(created: Int, updated: Int, unchanged: Int) -> String {
        "\(projectsCount(created + updated + unchanged)): \(created) nieuw, \(updated) gewijzigd, \(unchanged) ongewijzigd."
    }
}
