import Foundation

/// The seed writes a project's state in capitals in its remarks: "OPGELEVERD.",
/// "AFGEROND.", "NOG NIET GESTART." A lower-case "bijna afgerond" says nothing of the kind.
struct LifecycleMarkers {
    var finished: Bool
    var notStarted: Bool

    private static func sentence(_ words: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: #"(^|[.!?]\s+)("# + words + #")\s*([.!]|$)"#, options: [.caseInsensitive])
    }
    private static let finishedSentence = sentence("opgeleverd|afgerond|gereed")
    private static let notStartedSentence = sentence("nog niet gestart|niet gestart")

    init(_ remarks: String) {
        // Most remarks mention neither; the regular expressions run only where one might.
        let mayFinish =
            TextCleaning.containsIgnoringCase(remarks, "opgeleverd")
            || TextCleaning.containsIgnoringCase(remarks, "afgerond")
            || TextCleaning.containsIgnoringCase(remarks, "gereed")
        let mayNotStart = TextCleaning.containsIgnoringCase(remarks, "gestart")
        func marked(_ capitals: [String], _ sentence: NSRegularExpression) -> Bool {
            capitals.contains { remarks.contains($0) }
                || sentence.firstMatch(in: remarks, range: NSRange(remarks.startIndex..., in: remarks)) != nil
        }
        finished = mayFinish && marked(["OPGELEVERD", "AFGEROND", "GEREED"], Self.finishedSentence)
        notStarted = mayNotStart && marked(["NIET GESTART"], Self.notStartedSentence)
    }
}

/// "Oplevering voorzien in november 2018", "vermoedelijk in Q1 2019 (ipv Q4 2018)
/// opgeleverd": the sentence about delivery gives the forecast, an "ipv" the plan.
struct DeliveryPhrases {
    var forecast: PlanDate?
    var planned: PlanDate?

    init(_ remarks: String) {
        guard
            TextCleaning.containsIgnoringCase(remarks, "oplever")
                || TextCleaning.containsIgnoringCase(remarks, "opgeleverd")
        else { return }
        let sentences = remarks.split(whereSeparator: { ".!?".contains($0) }).map(String.init)
        for sentence in sentences
        where sentence.lowercased().contains("oplever") || sentence.lowercased().contains("opgeleverd") {
            let dates = PlanDate.all(in: sentence)
            guard let first = dates.first else { continue }
            for (range, date) in dates {
                let before = sentence[..<range.lowerBound].lowercased()
                if before.hasSuffix("ipv ") || before.hasSuffix("i.p.v. ") || before.hasSuffix("in plaats van ") {
                    planned = planned ?? date
                } else if forecast == nil {
                    forecast = date
                }
            }
            if forecast == nil { forecast = first.date }
            break
        }
    }
}
