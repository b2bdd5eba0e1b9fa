import StoplichtCore

/// The texts of the finances.
extension Strings {
    static func actualsUnreadable(_ path: String) -> String { "Kan ‘\(path)’ niet lezen. Controleer de naam en of het bestand bestaat." }
    static func actualsEmpty(_ source: String) -> String { "‘\(source)’ is leeg: er staat geen kopregel in." }
    static func actualsColumnsMissing(_ columns: [String], found: [String]) -> String {
        "In de kopregel ontbreekt \(columns.joined(separator: " en ")). Gevonden kolommen: \(found.map { "‘\($0)’" }.joined(separator: ", ")). "
            + "Geef aan welke kolom het is met --columns, bijvoorbeeld --columns \"kostenplaats=Kpl;bedrag=Bedrag EUR\"."
    }
    static func actualsRecordTooLong(_ source: String, line: Int) -> String {
        "‘\(source)’, regel \(line): de regel is langer dan 1 MB; waarschijnlijk sluit een aanhalingsteken niet. Er is niets geïmporteerd."
    }
}

extension Strings {
    static func unknownFundingSource(_ value: String) -> String {
        "Onbekende financieringsbron ‘\(value)’; kies krediet, lijnbudget, investering, reserve of extern."
    }
    static func unknownBudgetNature(_ value: String) -> String { "Onbekend karakter ‘\(value)’; kies eenmalig of structureel." }
    static let budgetYearRequired = "Geef het begrotingsjaar op, bijvoorbeeld --year 2018."
    static func notAnAmount(_ what: String, _ value: String) -> String {
        "\(what) ‘\(value)’ is geen bedrag; schrijf het bijvoorbeeld als ‘€ 21.750,-’ of ‘1.234,56’."
    }
}

extension Strings {
    static let financeTitle = "Financiën"
    static func financeIntro(_ audience: FinancePageModel.Audience) -> String {
        switch audience {
        case .leader: "Begroting, realisatie en verplichtingen van de projecten die u leidt."
        case .manager: "Begroting, realisatie uit het financiële systeem en verplichtingen per project en voor het programma, met de tekorten."
        case .board: "De begroting van het programma naar financieringsbron, karakter en jaar, en de stand van begroot, gerealiseerd en verplicht."
        }
    }
    static let financePerProject = "Begroot, gerealiseerd, verplicht en resterend per project"
    static let financeBySource = "Begroting naar jaar, financieringsbron en karakter"
    static let financeBudget = "Begroot"
    static let financeTotal = "Totaal van het programma"
    static let financePerProjectTitle = "Per project"
    static let financeBySourceTitle = "Naar financieringsbron"
    static let financeActual = "Gerealiseerd"
    static let financeCommitment = "Verplicht"
    static let financeRemaining = "Resterend"
    static let financeShortfall = "Tekort"
    static let financeYear = "Jaar"
    static let financeSource = "Bron"
    static let financeNature = "Karakter"
    static let financeProgrammeOwn = "Programma (zonder project)"
    static let financeNoBudgets = "Er zijn nog geen begrotingsregels."
    static func financeUnmapped(_ n: Int) -> String {
        "\(n == 1 ? "1 regel" : "\(n) regels") uit het financiële systeem \(n == 1 ? "hoort" : "horen") nog bij geen project of \(n == 1 ? "is" : "zijn") onleesbaar; toon ze met ‘stoplicht actuals unmapped’."
    }
}

extension Strings {
    static let financePending = "Verwacht (offertes)"
    static let quoteDescriptionRequired = "Geef een omschrijving van de verwachte kosten, bijvoorbeeld ‘Upgrade Burgerzaken-applicaties (offerte november)’."
    static func quoteNotFound(_ number: Int?) -> String {
        "Er is geen offerte \(number.map(String.init) ?? "zonder nummer"); zie de nummers met ‘stoplicht budget quotes’."
    }
    static func unknownQuoteState(_ value: String) -> String { "Onbekende stand ‘\(value)’; kies verwacht, ontvangen, verplicht of vervallen." }
}

extension Strings {
    static let transferFromRequired = "Kies de begrotingsregel waar het budget vandaan komt."
    static func transferExceedsLine(_ available: String) -> String {
        "Dat is meer dan er op de begrotingsregel vrij is (\(available), begroot min verplicht)."
    }
    static let transferReasonRequired = "Geef aan waarvoor het budget nodig is, bijvoorbeeld ‘dekking frictiekosten implementatie VTH’."
    static let transferToItself = "Het budget gaat dan naar waar het al staat; kies een ander project of het programma."
    static let transferDecisionUnknown = "Het gekozen beslispunt hoort niet bij dit programma."
    static let transferNeedsOpenPeriod = "Er is geen open periode om het beslispunt in op te nemen; open eerst de volgende periode."
    static func transferAlreadyDecided(_ state: String) -> String {
        "Over deze overheveling is al besloten\(state.isEmpty ? "" : " (\(state.lowercased()))"); vernieuw de pagina."
    }
    static func transferDateInvalid(_ value: String) -> String { "‘\(value)’ is geen datum; schrijf bijvoorbeeld 20-11-2018." }
    static let transferDecisionLinked = "Dit beslispunt hoort bij een budgetoverheveling en kan niet worden verwijderd; wijs de overheveling af op de pagina Financiën."
}
