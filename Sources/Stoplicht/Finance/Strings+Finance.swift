import StoplichtCore

/// The texts of the finances.
extension Strings {
    static func actualsUnreadable(_ path: String) -> String {
        "Kan ‘\(path)’ niet lezen. Controleer de naam en of het bestand bestaat."
    }
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
    static func unknownBudgetNature(_ value: String) -> String {
        "Onbekend karakter ‘\(value)’; kies eenmalig of structureel."
    }
    static let budgetYearRequired = "Geef het begrotingsjaar op (2000 tot en met 2100), bijvoorbeeld 2018."
    static func notAnAmount(_ what: String, _ value: String) -> String {
        "\(what) ‘\(value)’ is geen bedrag; schrijf het bijvoorbeeld als ‘€ 21.750,-’ of ‘1.234,56’."
    }
}

extension Strings {
    static let financeTitle = "Financiën"
    static func financeIntro(_ audience: FinancePageModel.Audience) -> String {
        switch audience {
        case .leader: "Begroting, realisatie en verplichtingen van de projecten die u leidt."
        case .manager:
            "Begroting, realisatie uit het financiële systeem en verplichtingen per project en voor het programma, met de tekorten."
        case .board:
            "De begroting van het programma naar financieringsbron, karakter en jaar, en de stand van begroot, gerealiseerd en verplicht."
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
    static let quoteDescriptionRequired =
        "Geef een omschrijving van de verwachte kosten, bijvoorbeeld ‘Upgrade Burgerzaken-applicaties (offerte november)’."
    static func quoteNotFound(_ number: Int?) -> String {
        "Er is geen offerte \(number.map(String.init) ?? "zonder nummer"); zie de nummers met ‘stoplicht budget quotes’."
    }
    static func unknownQuoteState(_ value: String) -> String {
        "Onbekende stand ‘\(value)’; kies verwacht, ontvangen, verplicht of vervallen."
    }
}

extension Strings {
    static let transferFromRequired = "Kies de begrotingsregel waar het budget vandaan komt."
    static func transferExceedsLine(_ available: String) -> String {
        "Dat is meer dan er op de begrotingsregel vrij is (\(available), begroot min verplicht)."
    }
    static let transferReasonRequired =
        "Geef aan waarvoor het budget nodig is, bijvoorbeeld ‘dekking frictiekosten implementatie VTH’."
    static let transferToItself = "Het budget gaat dan naar waar het al staat; kies een ander project of het programma."
    static let transferDecisionUnknown = "Het gekozen beslispunt hoort niet bij dit programma."
    static let transferNeedsOpenPeriod =
        "Er is geen open periode om het beslispunt in op te nemen; open eerst de volgende periode."
    static func transferAlreadyDecided(_ state: String) -> String {
        "Over deze overheveling is al besloten\(state.isEmpty ? "" : " (\(state.lowercased()))"); vernieuw de pagina."
    }
    static func transferDateInvalid(_ value: String) -> String {
        "‘\(value)’ is geen datum; schrijf bijvoorbeeld 20-11-2018."
    }
    static let transferDecisionLinked =
        "Dit beslispunt hoort bij een budgetoverheveling of een uitstel en kan niet worden verwijderd; leg het besluit vast als afgewezen."
}

extension Strings {
    static let costCentreRequired = "Geef de kostenplaats op zoals het financiële systeem hem noemt, bijvoorbeeld 6200."
}

extension Strings {
    static let quoteGone = "Deze offerte bestaat niet (meer) in dit programma."
    static let transferGone = "Deze overheveling bestaat niet (meer) in dit programma."
    static let transferOutcomeRequired = "Kies het besluit: akkoord of afgewezen."
    static let chooseProject = "Kies het project."
    static func financeDone(_ key: String) -> String? {
        switch key {
        case "regel": "De begrotingsregel is toegevoegd."
        case "offerte": "De verwachte kosten zijn toegevoegd."
        case "stand": "De stand van de offerte is bijgewerkt."
        case "overheveling": "De overheveling is voorgesteld; het beslispunt staat in de rapportage."
        case "besluit": "Het besluit over de overheveling is vastgelegd."
        case "kostenplaats": "De kostenplaats is gekoppeld; de regels ervan tellen nu mee bij het project."
        default: nil
        }
    }
}

extension Strings {
    static func actualsColumnsUnreadable(_ text: String) -> String {
        "‘\(text)’ is geen kolomindeling; schrijf rol=Kop met rol datum, kostenplaats, grootboek, omschrijving of bedrag, gescheiden door ‘;’."
    }
    static func actualsImported(_ summary: ActualsImporter.Summary) -> String {
        "\(summary.read) regels gelezen: \(summary.added) nieuw (\(ReportedAmount.money(cents: summary.addedCents))), "
            + "\(summary.alreadyImported) al eerder geïmporteerd, \(summary.unmapped) zonder project (waarvan \(summary.problems) onleesbaar)."
    }
    static let actualsNoFile = "Kies het bestand met de realisatie (CSV of XLSX uit het financiële systeem)."
    static func actualsTooLarge(_ megabytes: Int) -> String {
        "Het bestand is groter dan \(megabytes) MB; importeer het op de server met ‘stoplicht actuals import --file BESTAND’."
    }
}

/// The finance page's lists and forms.
extension Strings {
    static let financeLinesTitle = "Begrotingsregels"
    static let financeLinesCaption = "Begrotingsregels per project en voor het programma"
    static let financeDescription = "Omschrijving"
    static let financeAmount = "Bedrag"
    static let financeAddLine = "Begrotingsregel toevoegen"
    static let financeLineProjectHint = "Het project waar het budget voor is, of het programma zelf."
    static let financeSourceHint = "Waar het geld vandaan komt."
    static let financeNatureHint = "Eenmalig, of elk jaar terugkerend."
    static let financeYearHint = "Het begrotingsjaar, bijvoorbeeld 2018."
    static let financeAmountHint = "In euro’s, zoals u het schrijft: ‘€ 21.750,-’ of ‘1.234,56’."
    static let financeCommitmentHint = "Wat al is verplicht (opdrachten, contracten); leeg is niets."
    static let financeLineDescriptionHint = "Bijvoorbeeld ‘Informatiearchitectuur, krediet invoering omgevingswet’."
    static let financeQuotesTitle = "Verwachte kosten (offertes)"
    static let financeQuotesIntro =
        "Kosten die nog niet in de begroting of verplichtingen staan: ze tellen mee in het tekort tot er opdracht is gegeven of ze vervallen."
    static let financeNoQuotes = "Er zijn geen verwachte kosten."
    static let financeQuoteState = "Stand"
    static func financeQuoteStateOf(_ description: String) -> String { "Stand van ‘\(description)’" }
    static let financeSetState = "Stand opslaan"
    static let financeAddQuote = "Verwachte kosten toevoegen"
    static let financeQuoteProjectHint = "Het project waar de kosten bij horen."
    static let financeQuoteDescriptionHint = "Bijvoorbeeld ‘Upgrade Burgerzaken-applicaties (offerte november)’."
    static let financeTransfersTitle = "Budgetoverhevelingen"
    static let financeTransfersIntro =
        "Budget gaat pas over als het college of de raad akkoord is; tot dan staat het beslispunt in de rapportage."
    static let financeNoTransfers = "Er zijn geen overhevelingen voorgesteld."
    static let financeFrom = "Van"
    static let financeTo = "Naar"
    static let chooseOne = "— kies —"
    static let financeDecisionHint = "Het besluit van het college of de raad."
    static let financeDecidedOn = "Datum besluit"
    static let financeDecidedOnHint = "Bijvoorbeeld 20-11-2018; mag leeg."
    static let financeRecordDecision = "Besluit vastleggen"
    static let financeNewDecision = "Nieuw beslispunt in de open periode"
    static let financeFromHint = "De begrotingsregel waar het budget vandaan komt; bron, karakter en jaar gaan mee."
    static let financeToHint = "Het project dat het budget krijgt, of het programma zelf."
    static let financeReason = "Waarvoor"
    static let financeReasonHint = "Bijvoorbeeld ‘dekking frictiekosten implementatie en migratie VTH’."
    static let financeDecisionChoiceHint =
        "Een beslispunt dat al in een rapportage staat, of een nieuw in de open periode."
    static let financeProposeTransfer = "Overheveling voorstellen"
    static let financeCostCentresTitle = "Kostenplaatsen"
    static let financeNoMappings = "Er zijn nog geen kostenplaatsen aan projecten gekoppeld."
    static let financeCostCentresCaption = "Kostenplaatsen en het project waarop ze boeken"
    static let financeCostCentre = "Kostenplaats"
    static let financeUnmappedCaption = "Kostenplaatsen in de realisatie zonder project"
    static let financeLinesCount = "Regels"
    static let financeMapCostCentre = "Kostenplaats koppelen"
    static let financeCostCentreHint = "Zoals het financiële systeem hem noemt, bijvoorbeeld 6200."
    static let financeCostCentreProjectHint =
        "De regels op deze kostenplaats tellen dan mee bij dit project, ook die al zijn geïmporteerd."
    static let financeActualsTitle = "Realisatie importeren"
    static let financeActualsIntro =
        "Het exportbestand van het financiële systeem (CSV of XLSX). Hetzelfde bestand nog eens importeren telt niets dubbel; regels zonder project worden bewaard."
    static let financeActualsFile = "Bestand"
    static let financeActualsFileHint =
        "CSV (puntkomma of komma) of XLSX, tot 64 MB; grotere bestanden met ‘stoplicht actuals import’."
    static let financeActualsColumns = "Kolomindeling (alleen bij afwijkende koppen)"
    static let financeActualsColumnsHint =
        "Bijvoorbeeld ‘kostenplaats=Kpl;bedrag=Bedrag EUR’; wordt bewaard voor de volgende keer."
    static let financeActualsSubmit = "Importeren"
}

extension Strings {
    /// The chart's caption, naming the colours it draws and no others.
    static func financeChartCaption(_ asOf: String, colours: [FinanceChart.Colour]) -> String {
        let words = colours.compactMap { colour -> String? in
            switch colour {
            case .budget: "grijs: begroot"
            case .actual: "donkerblauw: gerealiseerd"
            case .commitment: "lichtblauw: verplicht"
            case .pending: "oranje: verwacht (offertes)"
            case .shortfall: "rood: tekort"
            default: nil
            }
        }
        let legend = words.joined(separator: "; ")
        return
            "Budget en besteding per project, stand \(asOf). \(legend.prefix(1).uppercased() + legend.dropFirst()). De bedragen staan in de tabel hieronder."
    }
}

extension Strings {
    static let amountToFollow = "bedrag volgt"
    static let quoteNeedsAmount = "Een opdracht heeft een bedrag: vul het bedrag van de offerte in."
    static let financeQuoteAmount = "Bedrag (als de offerte er is)"
    static let financeQuoteAmountHint = "In euro’s, bijvoorbeeld ‘€ 8.000,-’; leeg als de offerte nog moet komen."
}

extension Strings {
    static func actualsNotAWorkbook(_ source: String, _ why: String) -> String {
        "‘\(source)’ kan niet als Excel-werkmap worden gelezen: \(why). Sla het bestand op als .xlsx of als CSV en probeer het opnieuw."
    }
}
