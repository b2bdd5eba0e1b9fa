import Foundation
import StoplichtCore

/// What the hardening says when it refuses a request: NUL characters, too large or too slow bodies.
extension Strings {
    static let nulInPath = "Het adres bevat een nulteken (%00); zo'n pagina bestaat hier niet. Controleer de link."
    static func nulInParameter(_ name: String) -> String {
        "De parameter ‘\(name)’ in het adres bevat een nulteken (%00); zo'n waarde bestaat hier niet. Controleer de link."
    }
    static func nulInField(_ field: String) -> String {
        "Het veld ‘\(field)’ bevat een nulteken (U+0000). Dat teken kan niet worden opgeslagen; er is niets opgeslagen. Haal het teken weg en verstuur het opnieuw."
    }
    /// A body over its route's limit of `bytes`: a file for an upload, else a form.
    static func payloadTooLarge(bytes: Int) -> String {
        bytes >= 1024 * 1024
            ? "Het bestand is te groot: hier kan hoogstens \(bytes / 1024 / 1024) MB worden verstuurd. Controleer of u het juiste bestand kiest; er is niets opgeslagen."
            : "Wat u verstuurde is groter dan dit formulier aanneemt (hoogstens \(bytes / 1024) kB); er is niets opgeslagen."
    }
    static let requestTooSlow =
        "De aanvraag kwam te langzaam binnen en is afgebroken; er is niets opgeslagen. Probeer het opnieuw, zo nodig via een snellere verbinding."
    static let uploadNotStored =
        "Het bestand kon op de server niet worden opgeslagen; er is niets opgeslagen. Probeer het later opnieuw."
}
