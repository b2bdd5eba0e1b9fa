/// One synthetic programme, as plain values: its people, projects and, for every period,
/// each project's status. Made from a seeded generator, so the same seed gives the same
/// programme; a project runs from its start to its delivery with a light that mostly stays
/// groen, sometimes turns oranje or rood and recovers, and is grijs once delivered.
public struct SyntheticProgramme: Sendable {
    public struct Project: Sendable {
        public var number: Int
        public var name: String
        public var items: [String]
        /// Indexes into the organisation's people.
        public var leaders: [Int]
        public var phase: Phase?
        /// One status per period, oldest first.
        public var statuses: [Status]
    }

    public struct Status: Sendable {
        public var light: String?
        public var previousLight: String?
        public var lifecycle: Lifecycle
        public var remarks: String
        public var achieved: String?
        public var plannedNext: String?
        public var cause: String?
        public var consequence: String?
        public var measure: String?
        public var plannedStart: String?
        public var plannedDelivery: String?
        public var forecastDelivery: String?
    }

    public var name: String
    /// The programme's governance, indexes into the organisation's people: the bestuurlijk
    /// and ambtelijk opdrachtgever, the programme manager and the portefeuillehouder.
    public var sponsor: Int, administrativeSponsor: Int, manager: Int, portfolioHolder: Int
    public var periods: [SyntheticPeriod]
    public var projects: [Project]

    /// The `index`th programme of an organisation with `people` people (at least five).
    public init(index: Int, projects count: Int, periods: [SyntheticPeriod], people: Int, random seed: SeededGenerator)
    {
        var random = seed
        let theme = DutchVocabulary.themes[index % DutchVocabulary.themes.count]
        let round = index / DutchVocabulary.themes.count
        let first = periods.first?.year ?? 2020
        let last = periods.last?.year ?? 2024
        name = "\(theme)\(round == 0 ? "" : " \(round + 1)") \(first)–\(last + 1)"
        self.periods = periods
        let people = max(5, people)
        var officials = Array(0..<people).shuffled(using: &random).prefix(4).makeIterator()
        (sponsor, administrativeSponsor, manager, portfolioHolder) = (
            officials.next()!, officials.next()!, officials.next()!, officials.next()!
        )
        self.projects = (0..<count).map { n in
            Self.project(number: n + 1, periods: periods, people: people, random: &random)
        }
    }

    /// The names of an organisation's people, all different.
    public static func people(_ count: Int, random: inout SeededGenerator) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        while names.count < count {
            var candidate =
                "\(DutchVocabulary.firstNames.randomElement(using: &random)!) \(DutchVocabulary.lastNames.randomElement(using: &random)!)"
            if seen.contains(candidate) { candidate += " (\(names.count + 1))" }
            seen.insert(candidate)
            names.append(candidate)
        }
        return names
    }

    private static func project(number: Int, periods: [SyntheticPeriod], people: Int, random: inout SeededGenerator)
        -> Project
    {
        let action = DutchVocabulary.actions.randomElement(using: &random)!
        let object = DutchVocabulary.objects.randomElement(using: &random)!
        let itemCount = Int.random(in: 0...3, using: &random)
        let items = Array(DutchVocabulary.items.shuffled(using: &random).prefix(itemCount))
        var leaders = [Int.random(in: 0..<people, using: &random)]
        if Int.random(in: 0..<6, using: &random) == 0 { leaders.append(Int.random(in: 0..<people, using: &random)) }
        leaders = Array(Set(leaders)).sorted()
        let phase = [Phase.initiative, .definition, .design, .preparation, .realisation, .aftercare].randomElement(
            using: &random)
        // A project takes a third of the programme's periods up to all of them and starts early
        // enough to be half done by the last period, so a report has projects in every stage.
        let duration = Int.random(in: max(3, periods.count / 3)...max(4, periods.count), using: &random)
        let start = Int.random(in: 0...max(0, periods.count - duration / 2), using: &random)
        let deliveredAt = start + duration
        let plannedPeriod = periods[min(periods.count - 1, deliveredAt)]
        let planned = PlanDate(year: plannedPeriod.year, precision: .quarter, part: plannedPeriod.endQuarter)
        let startPeriod = periods[min(periods.count - 1, start)]
        let plannedStart = PlanDate(year: startPeriod.year, precision: .quarter, part: startPeriod.startQuarter)
        var statuses: [Status] = []
        var light: String? = nil
        var slip = 0
        for index in periods.indices {
            let previous = light
            var status = Status(
                light: nil, previousLight: previous, lifecycle: .notStarted, remarks: "",
                plannedStart: plannedStart.storageValue, plannedDelivery: planned.storageValue)
            if index < start {
                status.remarks = "Het project start in \(startPeriod.name)."
                light = nil
            } else if index >= deliveredAt + slip {
                status.lifecycle = .delivered
                light = "grijs"
                status.remarks = "Opgeleverd en overgedragen aan de lijnorganisatie."
            } else {
                status.lifecycle = .running
                let roll = Int.random(in: 0..<100, using: &random)
                switch light {
                case "oranje": light = roll < 50 ? "groen" : roll < 85 ? "oranje" : "rood"
                case "rood": light = roll < 40 ? "oranje" : roll < 70 ? "rood" : "groen"
                default: light = roll < 82 ? "groen" : roll < 96 ? "oranje" : "rood"
                }
                var remarks = [DutchVocabulary.progress.randomElement(using: &random)!]
                if light != "groen" {
                    let concern = DutchVocabulary.concerns.randomElement(using: &random)!
                    remarks.append(concern)
                    status.cause = concern
                    status.consequence = DutchVocabulary.consequences.randomElement(using: &random)!
                    status.measure = DutchVocabulary.measures.randomElement(using: &random)!
                    if light == "rood", slip < 3 { slip += 1 }
                }
                status.remarks = remarks.joined(separator: " ")
                status.achieved = DutchVocabulary.progress.randomElement(using: &random)!
                status.plannedNext = DutchVocabulary.nextSteps.randomElement(using: &random)!
            }
            status.light = light
            if slip > 0 {
                let forecastPeriod = periods[min(periods.count - 1, deliveredAt + slip)]
                status.forecastDelivery =
                    PlanDate(year: forecastPeriod.year, precision: .quarter, part: forecastPeriod.endQuarter)
                    .storageValue
            }
            statuses.append(status)
        }
        return Project(
            number: number, name: "\(action) \(object)", items: items, leaders: leaders, phase: phase,
            statuses: statuses)
    }

    /// "Gemeente Zuidveen": a municipality's name for the `index`th organisation, unique for
    /// any index.
    public static func municipality(_ index: Int) -> String {
        let starts = DutchVocabulary.placeStarts
        let ends = DutchVocabulary.placeEnds
        let combination = index % (starts.count * ends.count)
        var name = starts[combination / ends.count] + ends[combination % ends.count]
        if index >= starts.count * ends.count { name += " \(index / (starts.count * ends.count) + 1)" }
        return "Gemeente \(name)"
    }

    public static var sections: [(key: String, number: Int?, title: String, body: String)] { DutchVocabulary.sections }
    public static var decisions: [String] { DutchVocabulary.decisions }
    public static var risks: [(description: String, cause: String, impact: String, measures: String)] {
        DutchVocabulary.risks
    }
}
