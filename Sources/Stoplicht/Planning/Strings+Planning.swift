import StoplichtCore

/// The texts of planning and prerequisites.
extension Strings {
    static let prerequisiteItself = "Een project kan niet op zichzelf wachten."
    static let prerequisiteExists = "Deze randvoorwaarde staat er al."
    static let prerequisiteGone = "Deze randvoorwaarde bestaat niet (meer)."
    static func milestoneNotFound(_ title: String, of project: String, known: [String]) -> String {
        "Project \(project) heeft geen mijlpaal ‘\(title)’."
            + (known.isEmpty
                ? " Het heeft geen mijlpalen." : " Wel: \(known.map { "‘\($0)’" }.joined(separator: ", ")).")
    }
    /// "3. Intranet heeft 7. Herinrichting nodig, dat 3. Intranet nodig heeft".
    static func prerequisiteCycle(_ path: [String]) -> String {
        guard path.count >= 2 else { return "Dat maakt een kring van randvoorwaarden." }
        var text = "Dat maakt een kring: \(path[0]) heeft \(path[1]) nodig"
        for name in path.dropFirst(2) { text += ", dat \(name) nodig heeft" }
        return text + ". Een project kan niet wachten op iets dat op dat project wacht."
    }
}

extension Strings {
    static let planningUsage =
        "Gebruik: stoplicht planning needs|drop --project NR --needs NR [--milestone NAAM], milestone --project NR --item NAAM --date DATUM [--done], of check."
    static let allPlansFeasible = "Alle planningen zijn haalbaar met de randvoorwaarden zoals ze nu staan."
    static func plansInfeasible(_ n: Int) -> String {
        n == 1 ? "1 project kan zijn planning niet meer halen:" : "\(n) projecten kunnen hun planning niet meer halen:"
    }
    /// "18. Zaakgericht werken: 16. Omgevingswet levert pas in Q1 2019; vroegst start maart 2019, oplevering juni 2019 (gepland: start januari 2019, oplevering Q2 2019)".
    static func infeasibleLine(_ entry: ProgrammeSchedule.Entry) -> String {
        var text = "\(entry.number). \(entry.name): "
        if let blocker = entry.blockedBy { text += "wacht op \(blocker); " }
        text +=
            "vroegst start \(entry.earliestStart?.description ?? "onbekend"), oplevering \(entry.earliestDelivery?.description ?? "onbekend")"
        let planned = [entry.start.map { "start \($0)" }, entry.delivery.map { "oplevering \($0)" }].compactMap { $0 }
        if !planned.isEmpty { text += " (gepland: \(planned.joined(separator: ", ")))" }
        return text
    }
    static func planDateUnreadable(_ text: String) -> String {
        "‘\(text)’ is geen datum; schrijf bijvoorbeeld ‘Q1 2019’, ‘maart 2019’, ‘2e helft 2019’ of ‘15-3-2019’."
    }
}

extension Strings {
    static let plannedStart = "Geplande start"
    static let forecastStart = "Verwachte start"
}

extension Strings {
    static let planningTitle = "Planning en randvoorwaarden"
    static let planInfeasible = "De planning is niet meer haalbaar met de randvoorwaarden zoals ze nu staan."
    static let acceptReplan = "Herplanning overnemen als verwachte start en oplevering"
    static let needsTitle = "Heeft eerst nodig"
    static let needsNothing = "Dit project wacht op geen ander project."
    static let waitingTitle = "Wachten op dit project"
    static let removePrerequisite = "Verwijderen"
    static let milestone = "mijlpaal"
    static let deliveryWord = "oplevering"
    static let addPrerequisite = "Randvoorwaarde toevoegen"
    static let needsProject = "Heeft eerst nodig"
    static let needsProjectHint = "Het project dat eerst opgeleverd moet zijn."
    static let needsMilestone = "Alleen deze mijlpaal (mag leeg)"
    static let needsMilestoneHint =
        "Een onderdeel van dat project, zoals het onder het project staat; leeg is het hele project."
    static let replanDone = "De herplanning is overgenomen als verwachte start en oplevering."
    static let replanNothing = "De planning is haalbaar; er is niets over te nemen."
    static let replanPublished = "De laatste periode is gepubliceerd; open eerst de volgende periode."
    static let replanNoStatus = "Dit project heeft nog geen status in de laatste periode."
}

extension Strings {
    static let infeasibleTitle = "Planningen die door randvoorwaarden niet meer haalbaar zijn"
    static func planFlag(_ entry: ProgrammeSchedule.Entry) -> String {
        "Planning niet haalbaar: vroegst oplevering \(entry.earliestDelivery?.description ?? "onbekend")"
            + (entry.blockedBy.map { " (wacht op \($0))" } ?? "")
    }
}

extension Strings {
    static let roadmap = "Tijdlijn"
    static func roadmapTitle(_ programme: String, _ period: String?) -> String {
        "Tijdlijn programma \(programme)" + (period.map { ", stand \($0)" } ?? "")
    }
    static let roadmapIntro =
        "De projecten per kwartaal: gepland en verwacht, met de randvoorwaarden als pijlen en de projecten die daardoor hun planning niet halen in rood."
    static let roadmapTable = "De tijdlijn in woorden"
    /// The roadmap's legend, naming only what the picture draws; `report` for the report,
    /// whose annex holds the plan per project, else the page, whose table says it in words.
    static func roadmapLegend(_ roadmap: Roadmap, report: Bool) -> String {
        var parts = [
            report ? "Tijdlijn per kwartaal. Grijs omlijnd: gepland." : "Grijs omlijnd: gepland.", "Blauw: verwacht.",
        ]
        if roadmap.drawsInfeasible {
            parts.append("Rood: niet haalbaar door een randvoorwaarde; gestippeld tot de vroegst mogelijke oplevering.")
        }
        if roadmap.drawsArrows { parts.append("Pijlen: randvoorwaarden.") }
        if roadmap.drawsToday { parts.append("De rode stippellijn is vandaag.") }
        parts.append(
            report ? "De planning per project staat in de bijlage." : "De tabel hieronder zegt hetzelfde in woorden.")
        return parts.joined(separator: " ")
    }
    static let roadmapPlanned = "Gepland"
    static let roadmapForecast = "Verwacht"
    static let roadmapFeasible = "Haalbaar"
    static let roadmapOK = "Ja"
    static func roadmapNotFeasible(_ entry: ProgrammeSchedule.Entry) -> String {
        "Nee: vroegst \(entry.earliestStart?.description ?? "?") – \(entry.earliestDelivery?.description ?? "?")"
            + (entry.blockedBy.map { " (wacht op \($0))" } ?? "")
    }
}

extension Strings {
    static let slipTitle = "Verschuiving van de oplevering"
    static let slipCaption = "Verwachte oplevering per periode"
    static let slipMoved = "Verschoven"
    static func slipSummary(_ history: SlipHistory) -> String {
        switch history.slips {
        case 0: "De verwachte oplevering is niet later geworden."
        case 1: "De verwachte oplevering schoof 1 keer op, in totaal \(SlipHistory.movedText(history.totalMonths))."
        default:
            "De verwachte oplevering schoof \(history.slips) keer op, in totaal \(SlipHistory.movedText(history.totalMonths))."
        }
    }
    static let slipsTitle = "Verschuivingen in het programma"
    static let slipsCaption = "Projecten waarvan de verwachte oplevering later werd"
    static let slipsCount = "Keer later"
    static let slipsTotal = "In totaal"
    static func slipsSummary(moved: Int, of total: Int, months: Int) -> String {
        moved == 0
            ? "Van geen van de \(total) projecten met een opleverdatum werd de oplevering later."
            : "Van \(moved) van de \(total) projecten met een opleverdatum werd de oplevering later, samen \(SlipHistory.movedText(months))."
    }
}

extension Strings {
    static func postponeMonthsInvalid(_ text: String) -> String {
        "‘\(text)’ is geen aantal maanden; geef een heel getal van 1 tot en met 120, bijvoorbeeld 6."
    }
    static let postponeReasonRequired =
        "Geef de reden van het uitstel, bijvoorbeeld ‘zaakgericht werken en de website gaan voor’."
    static let postponeAlreadyDecided = "Over dit uitstel is al besloten; vernieuw de pagina."
    static let postponeTitle = "Uitstel"
    static let postponeAction = "Uitstel voorstellen"
    static let postponeMonths = "Met minimaal (maanden)"
    static let postponeMonthsHint =
        "Bijvoorbeeld 6 voor een half jaar; start en oplevering schuiven zoveel op als het besluit akkoord is."
    static let postponeReason = "Reden"
    static let postponeReasonHint = "Waarom dit project moet wachten."
    static func postponementLine(months: Int, reason: String, state: String) -> String {
        "Met minimaal \(months) maanden: \(reason) — \(state)"
    }
}

extension Strings {
    static let milestonesEdit = "Mijlpalen bijwerken"
    static let milestonesSave = "Mijlpalen opslaan"
    static let milestoneDate = "Datum (gepland of verwacht)"
    static let milestoneDone = "Bereikt"
    static let milestoneReached = "bereikt"
}
