import Foundation

/// The aspects a project page rates ("Kwaliteit", "Tijd", "Geld", "Inhoud", "Financiën"),
/// by the report's own word normalised to a capitalised noun.
enum AspectVocabulary {
    static let words: [String: String] = [
        "kwaliteit": "Kwaliteit", "quality": "Kwaliteit",
        "tijd": "Tijd", "time": "Tijd",
        "geld": "Geld", "money": "Geld",
        "inhoud": "Inhoud", "inhoudelijk": "Inhoud", "inhoudelijke": "Inhoud",
        "financiën": "Financiën", "financien": "Financiën", "financieel": "Financiën", "financiële": "Financiën",
        "financiele": "Financiën", "financial": "Financiën", "finance": "Financiën", "finances": "Financiën",
        "beleid": "Beleid", "scope": "Scope", "planning": "Planning", "schedule": "Planning", "schema": "Planning",
        "budget": "Budget", "kosten": "Kosten", "cost": "Kosten", "costs": "Kosten",
        "risico": "Risico", "risico's": "Risico", "risicos": "Risico", "risk": "Risico", "risks": "Risico",
        "organisatie": "Organisatie", "informatie": "Informatie", "communicatie": "Communicatie",
        "capaciteit": "Capaciteit", "draagvlak": "Draagvlak", "opbrengst": "Opbrengst",
    ]

    /// Words that make an aspect line the label of the light that follows ("Kwaliteit
    /// (indicator)", "Inhoudelijke kleurscore").
    static let lightQualifiers: Set<String> = [
        "indicator", "kleurscore", "kleur", "score", "stoplicht", "status", "beoordeling", "rating",
    ]
    /// Words that make an aspect line the label of a remark ("Kwaliteit (toelichting)").
    static let remarkQualifiers: Set<String> = [
        "toelichting", "opmerking", "opmerkingen", "uitleg", "remarks", "comments", "explanation",
    ]

    /// "kwaliteit" → "Kwaliteit"; nil for a word that is no aspect.
    static func aspect(_ word: String) -> String? {
        words[word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:"))]
    }

    enum Line: Equatable {
        /// "Kwaliteit": the light stands above it.
        case name(String)
        /// "Kwaliteit (indicator)", "Financiële kleurscore": the light follows it.
        case lightLabel(String)
        /// "Kwaliteit (toelichting)": a remark on the aspect follows.
        case remarkLabel(String)
    }

    /// What an aspect line is; nil for any other line.
    static func line(_ text: String) -> Line? {
        guard text.utf8.count <= 60, MarkdownDocument.bulletItem(text) == nil else { return nil }
        var words = text.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == ":" })
            .map(String.init)
        guard (1...3).contains(words.count), let aspect = words.lazy.compactMap({ Self.aspect($0) }).first else {
            return nil
        }
        words.removeAll { Self.aspect($0) != nil }
        if words.isEmpty { return .name(aspect) }
        guard words.count == 1, let qualifier = words.first else { return nil }
        if lightQualifiers.contains(qualifier) { return .lightLabel(aspect) }
        if remarkQualifiers.contains(qualifier) { return .remarkLabel(aspect) }
        return nil
    }

    /// A line holding only a light: a letter (G/O/R), a colour word, "--" for not rated.
    /// `.unknown` for a single short token that reads as no light ("X", "[icoon]"; kept,
    /// with a warning, where an aspect name follows it).
    static func light(_ text: String, reading: LightReading) -> LightNotation.Reading? {
        guard text.utf8.count <= 40, MarkdownDocument.bulletItem(text) == nil else { return nil }
        if !text.isEmpty, text.allSatisfy({ "-–—".contains($0) }) { return .notRated(notStarted: false) }
        let words = text.split(separator: " ").count
        guard words <= 3 else { return nil }
        let r = reading.read(text)
        switch r {
        case .empty: return nil
        case .unknown:
            // "X", "[icoon]", "Ⓖ": a token, not a word like "Toelichting".
            return words == 1 && text.count <= 12 && (text.count <= 3 || !text.allSatisfy(\.isLetter)) ? r : nil
        default: return r
        }
    }

    /// "Within scope", "On schedule", "Binnen budget": a short phrase that gives the light
    /// of the aspect it names; nil for a line that names no aspect. The reading may be
    /// `.unknown` (a phrase this import's vocabulary does not know yet).
    static func statusPhrase(_ text: String, reading: LightReading) -> DimensionReading? {
        guard text.utf8.count <= 60, !text.contains(":"), MarkdownDocument.bulletItem(text) == nil else { return nil }
        let words = text.split(separator: " ")
        guard (1...6).contains(words.count) else { return nil }
        guard let label = words.lazy.compactMap({ Self.aspect(String($0)) }).first else { return nil }
        let r = reading.read(text)
        if case .empty = r { return nil }
        return DimensionReading(label: label, reading: r)
    }

    /// A line that announces lights in words: "Project status and last quarter update".
    static func isStatusHeading(_ text: String) -> Bool {
        text.utf8.count <= 80 && !TextCleaning.endsSentence(text)
            && text.lowercased().split(whereSeparator: { !$0.isLetter }).contains { $0 == "status" || $0 == "stand" }
    }
}
