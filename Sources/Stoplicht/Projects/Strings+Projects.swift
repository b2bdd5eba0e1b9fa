import Foundation
import StoplichtCore

/// Adding, changing and archiving projects.
extension Strings {
    static let addProject = "Project toevoegen"
    static let editProject = "Project wijzigen"
    static func editProjectTitle(_ number: Int, _ name: String) -> String { "Project wijzigen: \(number). \(name)" }
    static let projectNumber = "Nummer"
    static let projectNumberHint = "Het nummer van het project in de rapportage; uniek binnen het programma."
    static let projectName = "Naam"
    static let projectNameHint = "De naam zoals de rapportage hem noemt."
    static let projectNameRequired = "Geef de naam van het project op."
    static func projectNumberInvalid(_ value: String) -> String {
        "‘\(value)’ is geen projectnummer; geef een heel getal groter dan 0."
    }
    static func projectNumberTaken(_ n: Int) -> String { "Er is al een project met nummer \(n) in dit programma." }
    static let leadersHint = "Eén naam per regel; iemand die Stoplicht nog niet kent, wordt toegevoegd."
    static let phaseHint = "Optioneel: de fase van het project."
    static func unknownPhase(_ value: String) -> String {
        "Onbekende fase ‘\(value)’; kies \(Phase.allCases.map(\.rawValue).joined(separator: ", "))."
    }
    static let itemsHint = "Eén onderdeel per regel, zoals ze onder de projectnaam staan."
    static let archiveTitle = "Archiveren"
    static let archiveHint =
        "Een gearchiveerd project blijft met zijn geschiedenis bewaard, maar gaat niet mee naar een nieuwe periode."
    static let archivedTitle = "Gearchiveerd"
    static let archivedHint = "Dit project is gearchiveerd en gaat niet mee naar een nieuwe periode."
    static let archive = "Project archiveren"
    static let unarchive = "Terughalen uit het archief"
}
