import Foundation
import StoplichtCore

/// The audit trail's pages and command.
extension Strings {
    static let auditTitle = "Wijzigingen"
    static func auditProjectTitle(_ number: Int, _ name: String) -> String {
        "Wijzigingen in project \(number). \(name)"
    }
    static func auditPeriodTitle(_ name: String) -> String { "Wijzigingen in de periode \(name)" }
    static let auditIntro =
        "Elke wijziging met wie, wanneer, vanaf welk adres, en de waarden ervoor en erna; de nieuwste bovenaan. Het logboek kan niet worden gewijzigd; ‘stoplicht audit verify’ controleert dat."
    static let auditEmpty = "Er zijn nog geen wijzigingen vastgelegd."
    static func auditCaption(_ n: Int) -> String { n == 1 ? "1 wijziging" : "\(n) wijzigingen" }
    static let auditWhen = "Wanneer"
    static let auditWho = "Wie"
    static let auditWhat = "Wat"
    static let auditBefore = "Ervoor"
    static let auditAfter = "Erna"
}
