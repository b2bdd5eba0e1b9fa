import Foundation

/// "Project: X", "Fase: Y", "Project manager: Amir Bhatti, Project Manager, …" and a
/// "Portefeuillehouder" line with the names on the lines below it.
struct PageField: Equatable {
    enum Kind: Equatable {
        case name, number, leader, portfolioHolder, phase, budget, status
        /// A field without a home: kept in the remarks under its label.
        case other
    }

    var kind: Kind
    var label: String
    var value: String

    static let labels: [String: Kind] = [
        "project": .name, "projectnaam": .name, "naam project": .name, "project name": .name, "projecttitel": .name,
        "naam van het project": .name, "name of project": .name,
        "nr": .number, "nummer": .number, "projectnummer": .number, "project number": .number, "projectnr": .number,
        "projectleider": .leader, "projectleiders": .leader, "project manager": .leader, "projectmanager": .leader,
        "project leader": .leader, "project lead": .leader, "projecttrekker": .leader, "trekker": .leader,
        "portefeuillehouder": .portfolioHolder, "portefeuillehouders": .portfolioHolder, "wethouder": .portfolioHolder,
        "gedeputeerde": .portfolioHolder, "portfolio holder": .portfolioHolder,
        "fase": .phase, "projectfase": .phase, "phase": .phase, "project phase": .phase,
        "budget": .budget, "approved budget": .budget, "projectbudget": .budget, "totaal budget": .budget,
        "status": .status, "stoplicht": .status, "totaalstatus": .status, "overall status": .status,
    ]

    /// The kind a label names; `.other` for one this reader has no field for.
    static func kind(ofLabel label: String) -> Kind {
        var key = TextCleaning.clean(label.lowercased())
        if key.hasSuffix(":") { key.removeLast() }
        if key.hasSuffix("(s)") { key.removeLast(3) }
        return labels[TextCleaning.clean(key)] ?? .other
    }

    /// A label: a few words of letters, no sentence.
    static func isLabel(_ text: some StringProtocol) -> Bool {
        let words = text.split(separator: " ")
        return (1...4).contains(words.count) && text.count <= 40
            && text.allSatisfy {
                $0.isLetter || $0 == " " || $0 == "/" || $0 == "-" || $0 == "'" || $0 == "(" || $0 == ")"
            }
            && text.first?.isLetter == true
    }

    /// "Label: value" on one line; nil for a line that is no field.
    static func parse(_ text: String) -> PageField? {
        guard text.utf8.count <= 2_000, let colon = text.firstIndex(of: ":") else { return nil }
        let label = TextCleaning.clean(text[..<colon])
        let value = TextCleaning.clean(text[text.index(after: colon)...])
        guard !value.isEmpty, isLabel(label), !value.hasPrefix("//") else { return nil }
        return PageField(kind: kind(ofLabel: label), label: label, value: value)
    }

    /// A line that is only a label whose values stand on the lines below ("Portefeuillehouder").
    static func listLabel(_ text: String) -> Kind? {
        guard isLabel(text) else { return nil }
        let kind = kind(ofLabel: text)
        return kind == .leader || kind == .portfolioHolder ? kind : nil
    }

    /// Words that make a comma-separated part a job title or department, not a person.
    static let roleWords: Set<String> = [
        "manager", "director", "directeur", "officer", "coordinator", "coördinator", "lead", "leader", "leider",
        "projectleider", "adviseur", "advisor", "adviser", "engineer", "hoofd", "head", "chief", "deputy", "secretaris",
        "medewerker", "specialist", "afdeling", "department", "division", "team", "sector", "unit", "construction",
        "services", "wethouder", "gedeputeerde", "burgemeester", "administrator", "supervisor", "programmamanager",
    ]

    /// People named in a leader value: "Amir Bhatti, Project Manager, Facility Design and
    /// Construction" is Amir Bhatti; never a light word, a date or an amount.
    static func people(in value: String, reading: LightReading) -> [LeaderName] {
        var parts = value.split(separator: ",").map { TextCleaning.clean($0) }
        if parts.count > 1, let role = parts.indices.dropFirst().first(where: { isRole(parts[$0]) }) {
            parts.removeSubrange(role...)
        }
        var text = parts.joined(separator: ", ")
        if text.contains("(") {
            text = text.replacingOccurrences(of: #"\s*\([^)]*\)"#, with: "", options: .regularExpression)
        }
        return LeaderNames.parse(text).filter { isPerson($0.person, reading: reading) }
    }

    static func isRole(_ part: String) -> Bool {
        part.lowercased().split(whereSeparator: { !$0.isLetter }).contains { roleWords.contains(String($0)) }
    }

    /// A name as a person is written: a few words, letters, no digits, no light word.
    static func isPerson(_ text: String, reading: LightReading) -> Bool {
        let words = text.split(separator: " ")
        guard (1...6).contains(words.count), text.count <= 60, !text.contains(where: \.isNumber),
            !TextCleaning.endsSentence(text), PageTitle.isName(text, reading: reading)
        else { return false }
        return text.first?.isUppercase == true
    }
}
