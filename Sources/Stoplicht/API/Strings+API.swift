import Foundation
import Vapor

/// The texts of the API and its tokens.
extension Strings {
    static let tokenNameRequired = "Geef de token een naam, bijvoorbeeld ‘Koppeling Key2Financiën’."
    static let tokenInvalid = "Deze API-token is onbekend of ingetrokken."
    static let tokenReadOnly = "Deze API-token mag alleen lezen."
    static let apiLoginRequired = "Dit programma is besloten: stuur een API-token mee (Authorization: Bearer …)."
    static func apiPageInvalid(_ name: String, _ value: String) -> String {
        "‘\(value)’ is geen geldige waarde voor \(name)."
    }
}

extension Strings {
    static func tokenUserUnknown(_ email: String) -> String {
        "Er is geen account ‘\(email)’; geef het e-mailadres met --user."
    }
    static func tokenScopeUnknown(_ scope: String) -> String {
        "Onbekend bereik ‘\(scope)’; kies lezen of lezen-schrijven."
    }
    static func tokenNotFound(_ prefix: String) -> String {
        "Deze gebruiker heeft geen token die begint met ‘\(prefix)’; zie ‘stoplicht token list’."
    }
    static func tokenCreated(_ secret: String) -> String {
        "API-token (wordt niet nog eens getoond; bewaar hem veilig):\n\(secret)\nGebruik: Authorization: Bearer \(secret)"
    }
}

extension Strings {
    static let apiTrailingSlash = "Deze API gebruikt geen / aan het eind van een pad."
}

extension Strings {
    static func apiMethodNotAllowed(_ method: String) -> String {
        "Dit pad kent de methode \(method) niet; zie de kop Allow."
    }
}

extension Strings {
    static func apiNoStatus(_ number: Int, _ period: String) -> String {
        "Project \(number) heeft geen status in \(period)."
    }
    static let apiIfMatchRequired =
        "Stuur de ETag van de status mee in If-Match, zodat een wijziging van een ander niet verloren gaat."
    static func apiIfMatchInvalid(_ value: String) -> String { "‘\(value)’ is geen ETag van deze status." }
    static func apiConflict(_ by: String?) -> String {
        "De status is intussen gewijzigd\(by.map { " door \($0)" } ?? ""); haal hem opnieuw op (de actuele ETag staat in de kop) en stuur uw wijziging opnieuw."
    }
}

extension Strings {
    static let tokensTitle = "API-tokens"
    static let tokensIntro =
        "Met een API-token laat u een ander systeem (het financiële systeem, een dashboard) namens u de API gebruiken, met dezelfde rechten als u. Trek een token in zodra het systeem hem niet meer nodig heeft."
    static let tokenShownOnce =
        "Uw nieuwe token staat hieronder. Hij wordt niet nog eens getoond: kopieer hem nu en bewaar hem veilig."
    static let tokensNone = "U hebt nog geen API-tokens."
    static let tokensCaption = "Uw API-tokens"
    static let tokenName = "Naam"
    static let tokenNameHint = "Waarvoor de token is, bijvoorbeeld ‘Koppeling Key2Financiën’."
    static let tokenScope = "Bereik"
    static let tokenScopeHint =
        "Alleen lezen, of ook wijzigen wat u in de webtoepassing mag wijzigen (statussen, teksten, projecten, begroting)."
    static let tokenStart = "Begint met"
    static let tokenState = "Stand"
    static let tokenRevoke = "Intrekken"
    static let tokenRevoked = "Ingetrokken"
    static let tokenCreate = "Nieuwe token maken"
    static let tokenLastUsed = "Laatst gebruikt"
    static let tokenNeverUsed = "Nooit"
    static let tokensLastUsedNote = "‘Laatst gebruikt’ is tot op vijf minuten nauwkeurig (Nederlandse tijd)."

    private static let tokenTime = dutchFormatter("d-M-yyyy HH:mm")

    /// "2-12-2026 18:05", or "Nooit".
    static func tokenLastUsed(_ date: Date?) -> String { date.map { tokenTime.string(from: $0) } ?? tokenNeverUsed }
}

extension Strings {
    static func apiIfMatchMissing(_ what: String) -> String {
        "Stuur de ETag van \(what) mee in If-Match, zodat een wijziging van een ander niet verloren gaat."
    }
    static func apiBodyNotSchema(_ schema: String) -> String {
        "De inhoud is geen geldige JSON volgens het schema \(schema) in /api/v1/openapi.json."
    }
    static func apiChangedMeanwhile(_ what: String) -> String {
        "\(what.prefix(1).uppercased() + what.dropFirst()) is intussen gewijzigd; haal het opnieuw op (de actuele ETag staat in de kop) en stuur uw wijziging opnieuw."
    }
    static func apiFieldRequired(_ label: String) -> String { "\(label) is verplicht." }
    static func apiOrganisationNotFound(_ id: String) -> String { "Er is geen organisatie ‘\(id)’ die u mag zien." }
    static func apiOrganisationExists(_ name: String) -> String { "Er is al een organisatie ‘\(name)’ van deze soort." }
    static func apiUnknownValue(_ field: String, _ value: String, _ allowed: [String]) -> String {
        "‘\(value)’ is geen geldige waarde voor \(field); kies \(allowed.map { "‘\($0)’" }.joined(separator: ", "))."
    }
    static func apiSectionNotFound(_ key: String, _ period: String) -> String {
        "De rapportage over \(period) heeft geen paragraaf ‘\(key)’."
    }
    static func apiDecisionNotFound(_ id: String, _ period: String) -> String {
        "De rapportage over \(period) heeft geen besluit ‘\(id)’."
    }
    static func apiRiskNotFound(_ id: String, _ period: String) -> String {
        "De rapportage over \(period) heeft geen risico ‘\(id)’."
    }
    static func apiBudgetLineNotFound(_ id: String) -> String { "Er is geen begrotingsregel ‘\(id)’ in dit programma." }
    static let apiBudgetLinesBoard =
        "Als lezer ziet u de samenvatting van de financiën (op de pagina Financiën), niet de begrotingsregels."
    static func apiAmountInvalid(_ label: String) -> String {
        "\(label) moet een heel aantal centen zijn, tussen −10 miljard en 10 miljard euro."
    }
}

extension Strings {
    /// The title of an API problem: what kind of problem it is; the detail says what exactly.
    static func problemTitle(_ status: HTTPResponseStatus) -> String? {
        switch status.code {
        case 400: "Ongeldige vraag"
        case 401: "Niet aangemeld"
        case 403: "Geen toegang"
        case 404: "Niet gevonden"
        case 405: "Methode niet toegestaan"
        case 409: "Conflict"
        case 412: "Intussen gewijzigd"
        case 413: "Te groot"
        case 422: "Ongeldige invoer"
        case 428: "If-Match ontbreekt"
        case 503: "Even bezet"
        default: nil
        }
    }
}

extension Strings {
    static let apiBodyTooLarge = "De inhoud is groter dan \(APIOperations.maximumBody); er is niets opgeslagen."
}

extension Strings {
    static func apiTooLong(_ field: String, _ maximum: Int) -> String {
        "Het veld ‘\(field)’ is te lang: hoogstens \(maximum) tekens (zoals JSON Schema ze telt, in code points); er is niets opgeslagen."
    }
    static func apiUnknownField(_ field: String, _ schema: String) -> String {
        "Het veld ‘\(field)’ bestaat niet in \(schema); zie /api/v1/openapi.json voor de velden."
    }
}
