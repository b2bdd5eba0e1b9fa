import Foundation
import StoplichtCore

/// The import page's own words: what it overwrites, what is left out, and its advice in
/// the page's terms (the command line words the same advice as options).
extension Strings {
    static let importFormUnreadable = "Het formulier van de voorvertoning kon niet worden gelezen; er is niets geïmporteerd. Laad de voorvertoning opnieuw en bevestig nog eens."
    /// A warning as the import page shows it: its advice points to the page's choices.
    static func importWarningText(_ warning: ImportWarning) -> String {
        guard let advice = warning.advice else { return warning.message }
        switch advice {
        case .translateLight(let word):
            return "\(warning.message) Kies hieronder bij ‘\(importUnknownLights)’ welk stoplicht ‘\(word)’ is."
        case .addLightToScale:
            return "\(warning.message) Vraag de beheerder het licht aan de schaal van het programma toe te voegen, of kies hieronder een ander licht."
        }
    }

    static func importNeedsProgramme(commandLine: Bool) -> String {
        "Het programma is niet bekend: de rapportage noemt geen programma. "
            + (commandLine ? "Geef het op met --programme \"Naam\"." : "Kies het programma op de importpagina.")
    }

    static func importNeedsPeriod(commandLine: Bool) -> String {
        "De rapportageperiode is niet bekend: de rapportage noemt geen ‘Rapportageperiode:’. "
            + (commandLine ? "Geef haar op met --period \"juni t/m oktober 2018\"." : "Vul hieronder de rapportageperiode in, bijvoorbeeld ‘juni t/m oktober 2018’.")
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
    static let importLeaveOutUnknown = "De import is niet uitgevoerd: een project dat u niet wilde overnemen staat niet (meer) in deze voorvertoning. Het bestand of de projecten zijn intussen veranderd. Bekijk de voorvertoning hieronder opnieuw en bevestig dan."
    static let importResultTitle = "Import uitgevoerd"
    static func importResultCounts(created: Int, updated: Int, leftOut: Int) -> String {
        "De rapportage is geïmporteerd: \(created) nieuw, \(updated) gewijzigd. \(leftOut == 1 ? "Eén project is niet overgenomen en houdt zijn huidige status." : "\(leftOut) projecten zijn niet overgenomen en houden hun huidige status.")"
    }
    static let importResultLeftOut = "Niet overgenomen"
    static func importResultToProgramme(_ name: String) -> String { "Naar \(name)" }
}
