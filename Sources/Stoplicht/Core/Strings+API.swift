/// The texts of the API and its tokens.
extension Strings {
    static let tokenNameRequired = "Geef de token een naam, bijvoorbeeld ‘Koppeling Key2Financiën’."
    static let tokenInvalid = "Deze API-token is onbekend of ingetrokken."
    static let tokenReadOnly = "Deze API-token mag alleen lezen."
    static let apiLoginRequired = "Dit programma is besloten: stuur een API-token mee (Authorization: Bearer …)."
    static func apiPageInvalid(_ name: String, _ value: String) -> String { "‘\(value)’ is geen geldige waarde voor \(name)." }
}

extension Strings {
    static func tokenUserUnknown(_ email: String) -> String { "Er is geen account ‘\(email)’; geef het e-mailadres met --user." }
    static func tokenScopeUnknown(_ scope: String) -> String { "Onbekend bereik ‘\(scope)’; kies lezen of lezen-schrijven." }
    static func tokenNotFound(_ prefix: String) -> String { "Deze gebruiker heeft geen token die begint met ‘\(prefix)’; zie ‘stoplicht token list’." }
    static func tokenCreated(_ secret: String) -> String {
        "API-token (wordt niet nog eens getoond; bewaar hem veilig):\n\(secret)\nGebruik: Authorization: Bearer \(secret)"
    }
}

extension Strings {
    static let apiTrailingSlash = "Deze API gebruikt geen / aan het eind van een pad."
}

extension Strings {
    static func apiMethodNotAllowed(_ method: String) -> String { "Dit pad kent de methode \(method) niet; zie de kop Allow." }
}

extension Strings {
    static func apiNoStatus(_ number: Int, _ period: String) -> String { "Project \(number) heeft geen status in \(period)." }
    static let apiIfMatchRequired = "Stuur de ETag van de status mee in If-Match, zodat een wijziging van een ander niet verloren gaat."
    static func apiIfMatchInvalid(_ value: String) -> String { "‘\(value)’ is geen ETag van deze status." }
    static let apiBodyInvalid = "De inhoud is geen geldige status; zie het schema Status in /api/v1/openapi.json."
    static func apiConflict(_ by: String?) -> String {
        "De status is intussen gewijzigd\(by.map { " door \($0)" } ?? ""); haal hem opnieuw op (de actuele ETag staat in de kop) en stuur uw wijziging opnieuw."
    }
}

extension Strings {
    static let tokensTitle = "API-tokens"
    static let tokensIntro = "Met een API-token laat u een ander systeem (het financiële systeem, een dashboard) namens u de API gebruiken, met dezelfde rechten als u. Trek een token in zodra het systeem hem niet meer nodig heeft."
    static let tokenShownOnce = "Uw nieuwe token staat hieronder. Hij wordt niet nog eens getoond: kopieer hem nu en bewaar hem veilig."
    static let tokensNone = "U hebt nog geen API-tokens."
    static let tokensCaption = "Uw API-tokens"
    static let tokenName = "Naam"
    static let tokenNameHint = "Waarvoor de token is, bijvoorbeeld ‘Koppeling Key2Financiën’."
    static let tokenScope = "Bereik"
    static let tokenScopeHint = "Alleen lezen, of ook statussen bijwerken (zoals u dat in de webtoepassing mag)."
    static let tokenStart = "Begint met"
    static let tokenState = "Stand"
    static let tokenRevoke = "Intrekken"
    static let tokenRevoked = "Ingetrokken"
    static let tokenCreate = "Nieuwe token maken"
}
